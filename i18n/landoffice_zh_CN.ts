<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>LandOffice</name>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="92" />
      <source>  {role} {name}: layer '{layer}', {n} features, CRS {crs}{extra}, {invalid} invalid geometries</source>
      <translation>  {role} {name}：图层“{layer}”，{n} 个要素，坐标系 {crs}{extra}，{invalid} 个无效几何</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="166" />
      <source> It lies more than 100 km east or west of the data: are the coordinates from another Gauss-Kruger zone, or is the site's coordinate system wrong?</source>
      <translation>选址在数据以东或以西 100 公里以外：坐标是否来自另一个高斯-克吕格投影带，或选址的坐标系有误？</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="164" />
      <source> With X and Y exchanged it would lie inside: the coordinates look swapped (X is the northing).</source>
      <translation>若交换 X 与 Y 则位于范围内：坐标似乎写反了（X 为北坐标）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="152" />
      <source>"{crs}" is not a coordinate reference system QGIS knows. Use an EPSG code such as 4490 (CGCS2000) or 4549 (CGCS2000 3-degree zone, CM 120E).</source>
      <translation>“{crs}”不是 QGIS 可识别的坐标参考系。请使用 EPSG 代码，例如 4490（CGCS2000 地理坐标系）或 4549（CGCS2000 3度带，中央经线 120°E）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="175" />
      <source>'{code}' is not a known land-use code. Use a GB/T 21010-2017 code (e.g. 0101 水田, 0702 农村宅基地) or a 三调 variant (e.g. 0201K, 1104A); the {count} valid codes are listed in {source}.</source>
      <translation>“{code}”不是有效的地类编码。请使用 GB/T 21010-2017 编码（如 0101 水田、0702 农村宅基地）或三调工作分类编码（如 0201K、1104A）；全部 {count} 个有效编码见 {source}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="208" />
      <source>'{code}' is not a valid parcel code (宗地代码, 19 characters, GB/T 37346-2019): {problems}. Correct these positions and enter the code again.</source>
      <translation>“{code}”不是有效的宗地代码（19 位，GB/T 37346-2019）：{problems}。请改正上述位置后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="221" />
      <source>'{code}' is not a valid real-estate unit number (不动产单元号, 28 characters, GB/T 37346-2019): {problems}. Correct these positions and enter the number again.</source>
      <translation>“{code}”不是有效的不动产单元号（28 位，GB/T 37346-2019）：{problems}。请改正上述位置后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="170" />
      <source>'{code}' looks like a 3-digit GB/T 21010-2007 land-use code. Convert it to the 4-digit GB/T 21010-2017 code (e.g. 011 水田 → 0101) before loading.</source>
      <translation>“{code}”看起来是 GB/T 21010-2007 的 3 位地类编码。请先转换为 GB/T 21010-2017 的 4 位编码（如 011 水田 → 0101）再加载。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/project_builder.py" line="93" />
      <source>'{path}' holds no readable layer; nothing to put in a project.</source>
      <translation>“{path}”中没有可读取的图层，无法生成工程。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="64" />
      <source>'{value}' is not a fixture type code ({valid})</source>
      <translation>“{value}”不是定着物类型代码（{valid}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="63" />
      <source>'{value}' is not a parcel type code ({valid})</source>
      <translation>“{value}”不是宗地特征码（{valid}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="61" />
      <source>'{value}' is not a province code (GB/T 2260); a county code starts with one, e.g. 32 江苏省</source>
      <translation>“{value}”不是省级行政区划代码（GB/T 2260）；县级代码应以省级代码开头，如 32 江苏省</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="62" />
      <source>'{value}' is not an ownership code ({valid})</source>
      <translation>“{value}”不是所有权代码（{valid}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="85" />
      <source>(optional)</source>
      <translation>（可选）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="219" />
      <source>--{name} must be one of: {options}.</source>
      <translation>--{name} 只能取以下值之一：{options}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="200" />
      <source>--{name} takes one value, not several.</source>
      <translation>--{name} 只能取一个值，不能取多个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="240" />
      <source>--{name}: the file {path} does not exist. Check the path (write a layer of a GeoPackage as file.gpkg|layername=ZD).</source>
      <translation>--{name}：文件 {path} 不存在。请检查路径（GeoPackage 中的图层写作 file.gpkg|layername=ZD）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="249" />
      <source>--{name}: {path} cannot be read as a layer file ({error}). Check that it is a complete GeoPackage, shapefile or FileGDB.</source>
      <translation>--{name}：无法将 {path} 读取为图层文件（{error}）。请确认它是完整的 GeoPackage、shapefile 或 FileGDB。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="254" />
      <source>--{name}: {path} has no layer '{layer}'. Its layers: {layers}. Write file.gpkg|layername=NAME.</source>
      <translation>--{name}：{path} 中没有图层“{layer}”。其中的图层：{layers}。请写作 file.gpkg|layername=图层名。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="37" />
      <source>1 Connect</source>
      <translation>1 连接</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="107" />
      <source>12-digit codes, comma separated</source>
      <translation>12位村代码，用逗号分隔</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="100" />
      <source>12-digit village codes, comma separated</source>
      <translation>12位村代码，用逗号分隔</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="37" />
      <source>2 Check out</source>
      <translation>2 检出</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="37" />
      <source>3 Edit</source>
      <translation>3 编辑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="68" />
      <source>3-degree Gauss-Kruger zone {zone} is outside China's zones 25 to 45. Check the longitude or zone number you entered.</source>
      <translation>3度带高斯-克吕格投影带号 {zone} 超出我国范围（25～45 带）。请检查输入的经度或带号。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="38" />
      <source>4 Check</source>
      <translation>4 检查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="38" />
      <source>5 Sync</source>
      <translation>5 同步</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="79" />
      <source>6-degree Gauss-Kruger zone {zone} is outside China's zones 13 to 23. Check the longitude or zone number you entered.</source>
      <translation>6度带高斯-克吕格投影带号 {zone} 超出我国范围（13～23 带）。请检查输入的经度或带号。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="165" />
      <source>A checked task's status is 已核查 or 已整改, not {status}.</source>
      <translation>已核查任务的状态应为 已核查 或 已整改，而不是 {status}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="213" />
      <source>A checkout around the field tasks needs the RWTB collection: the data centre has none, or it was left out of the collections.</source>
      <translation>围绕核查任务检出需要 RWTB 数据集：数据中心没有，或未选入检出的数据集。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="63" />
      <source>A control layer cannot be read: check that its file exists and choose it again.</source>
      <translation>无法读取管控图层：请检查其文件是否存在，然后重新选择。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="106" />
      <source>A layer is a file (a GeoPackage, a shapefile, a FileGDB folder) or one layer of it: "file.gpkg|layername=ZD" (quote the | in a shell).</source>
      <translation>图层参数可以是一个文件（GeoPackage、shapefile、FileGDB 文件夹）或其中一个图层："file.gpkg|layername=ZD"（在命令行中请给 | 加引号）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="296" />
      <source>A parcel name cannot be written in {encoding}: rename it or write the file as UTF-8.</source>
      <translation>地块名称无法用 {encoding} 编码写出：请重命名，或以 UTF-8 编码写出文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/tiling.py" line="26" />
      <source>A sample city has at most 100 counties, not {count}.</source>
      <translation>示例市最多 100 个县，不能是 {count} 个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/tiling.py" line="56" />
      <source>A sample city needs at least one county, not {count}.</source>
      <translation>示例市至少需要一个县，不能是 {count} 个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="238" />
      <source>A table needs at least one column: define the report's columns.</source>
      <translation>表格至少需要一列：请定义报表的列。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="51" />
      <source>A3 landscape</source>
      <translation>A3 横向</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="51" />
      <source>A4 landscape</source>
      <translation>A4 横向</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="51" />
      <source>A4 portrait</source>
      <translation>A4 纵向</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="414" />
      <source>Accept a problem</source>
      <translation>接受问题</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="237" />
      <source>Accept the selected problem, with a reason…</source>
      <translation>接受所选问题并说明理由…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="39" />
      <source>Accepted problems (CSV: collection, fid, check, reason)</source>
      <translation>已确认的问题（CSV：图层、要素编号、检查项、理由）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="100" />
      <source>Add to candidates</source>
      <translation>加入候选</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="104" />
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="56" />
      <source>Adds vertices along every boundary until the land-use patches have this mean number of vertices, as digitised 三调 patches have (40–60). Shared boundaries get the same vertices on both sides, so the partition stays exact.</source>
      <translation>沿每条边界加密节点，直到地类图斑的平均节点数达到此值，与三调实际数字化的图斑相当（40–60 个）。相邻图斑的公共边两侧得到完全相同的节点，划分仍严格无缝无重叠。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="333" />
      <source>Algorithm {name} failed.</source>
      <translation>算法 {name} 运行失败。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="90" />
      <source>Algorithms:</source>
      <translation>算法：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="40" />
      <source>All files</source>
      <translation>所有文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Amount (yuan)</source>
      <translation>金额（元）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="190" />
      <source>An override needs a reason: say why the feature is right as it is.</source>
      <translation>忽略检查需要说明理由：请说明该要素为何是正确的。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="44" />
      <source>Analysis</source>
      <translation>分析</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/lock.py" line="63" />
      <source>Another sync of this field package is running ({holder}): wait until it has finished, then sync again. Nothing was changed.</source>
      <translation>该外业包正在进行另一次同步（{holder}）：请等其结束后再同步。本次未做任何更改。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="256" />
      <source>Apply my choices (used by the next sync)</source>
      <translation>应用我的选择（下次同步时生效）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="107" />
      <source>Approvals, land supply and enterprises</source>
      <translation>正在生成批准用地、供地和企业</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/categories.py" line="31" />
      <source>Approved but not supplied</source>
      <translation>批而未供</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="38" />
      <source>Approved conversions (PZYD)</source>
      <translation>批准用地（PZYD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_supply.py" line="21" />
      <source>Approved on {date} ({document}{batch}), not supplied after {years} years</source>
      <translation>{date}批准（{document}{batch}），{years}年未供应</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="117" />
      <source>Area</source>
      <translation>范围</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="49" />
      <source>Area (mu)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="108" />
      <source>Area (亩)</source>
      <translation>面积（亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="27" />
      <source>Area identities</source>
      <translation>面积关系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="559" />
      <source>Areas and summary</source>
      <translation>正在计算面积并汇总</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="75" />
      <source>Assigning land use</source>
      <translation>正在分配地类</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="553" />
      <source>Atlas page {page} could not be laid out</source>
      <translation>图集第 {page} 页无法排版</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="27" />
      <source>Attributes</source>
      <translation>属性</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="42" />
      <source>Authentication</source>
      <translation>认证</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="173" />
      <source>Beijing 1954</source>
      <translation>1954北京坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="105" />
      <source>Both DLTB vintages are needed: choose the earlier (OLD) and the later (NEW) land-use patch layer.</source>
      <translation>需要两期地类图斑：请选择上期（OLD）和本期（NEW）地类图斑图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="67" />
      <source>Boundary jitter: pieces narrower than this are no change (m)</source>
      <translation>边界抖动：窄于此宽度的碎片不计为变化（米）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="135" />
      <source>Boundary-point file {path}, line {line}: X = {x} is no northing in China (1 000 000 to 6 500 000 m): check that X is the northing and the unit metres.</source>
      <translation>界址点文件 {path} 第 {line} 行：X = {x} 不是我国范围内的北坐标（1 000 000～6 500 000 米）：请检查 X 是否为北坐标、单位是否为米。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="131" />
      <source>Boundary-point file {path}, line {line}: X = {x} looks like an easting with a zone number and Y = {y} like a northing: X and Y are swapped. In this format X is the northing and Y the easting.</source>
      <translation>界址点文件 {path} 第 {line} 行：X = {x} 像是带带号的东坐标，Y = {y} 像是北坐标：X、Y 写反了。此格式中 X 为北坐标（纵），Y 为东坐标（横）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="199" />
      <source>Boundary-point file {path}, line {line}: a boundary point before the first parcel line (…,@).</source>
      <translation>界址点文件 {path} 第 {line} 行：第一个地块信息行（…,@）之前出现了界址点。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="118" />
      <source>Boundary-point file {path}, line {line}: a boundary point is written 点号,圈号,X,Y (4 values), got {n}: {text}</source>
      <translation>界址点文件 {path} 第 {line} 行：界址点应写为 点号,圈号,X,Y（4 个值），实际为 {n} 个：{text}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="181" />
      <source>Boundary-point file {path}, line {line}: a header line is written key=value, got {text}</source>
      <translation>界址点文件 {path} 第 {line} 行：文件头应写为 键=值，实际为 {text}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="189" />
      <source>Boundary-point file {path}, line {line}: a parcel line is written 界址点数,地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@; got {text}</source>
      <translation>界址点文件 {path} 第 {line} 行：地块信息行应写为 界址点数,地块面积,地块编号,地块名称,面,图幅号,地块用途,地类编码,@；实际为 {text}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="227" />
      <source>Boundary-point file {path}, line {line}: parcel {label} has {n} boundary points; a parcel needs at least 3.</source>
      <translation>界址点文件 {path} 第 {line} 行：地块 {label} 只有 {n} 个界址点；一个地块至少需要 3 个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="249" />
      <source>Boundary-point file {path}, line {line}: parcel {label}, ring {ring} has fewer than 3 distinct points.</source>
      <translation>界址点文件 {path} 第 {line} 行：地块 {label} 第 {ring} 圈不同的点少于 3 个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="176" />
      <source>Boundary-point file {path}, line {line}: text before [属性描述]: the file starts with the [属性描述] header.</source>
      <translation>界址点文件 {path} 第 {line} 行：[属性描述] 之前有内容：文件应以 [属性描述] 开头。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="105" />
      <source>Boundary-point file {path}, line {line}: the Y coordinates carry no zone number and [属性描述] gives no 带号: add 带号=&lt;zone&gt; to the header.</source>
      <translation>界址点文件 {path} 第 {line} 行：Y 坐标不含带号，[属性描述] 中也没有带号：请在文件头中加入 带号=&lt;带号&gt;。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="208" />
      <source>Boundary-point file {path}, line {line}: the Y coordinates carry several zone numbers ({zones}): a file holds one zone.</source>
      <translation>界址点文件 {path} 第 {line} 行：Y 坐标含有多个带号（{zones}）：一个文件只能属于一个投影带。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="100" />
      <source>Boundary-point file {path}, line {line}: the Y coordinates carry zone number {seen}, but 带号 in [属性描述] is {zone}. Correct 带号 or the coordinates (are they from another zone?).</source>
      <translation>界址点文件 {path} 第 {line} 行：Y 坐标带号为 {seen}，但 [属性描述] 中的带号为 {zone}。请改正带号或坐标（坐标是否来自另一个投影带？）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="81" />
      <source>Boundary-point file {path}, line {line}: the coordinate system is {system}, not CGCS2000 (2000国家大地坐标系). Convert the coordinates to CGCS2000 with the official parameters first.</source>
      <translation>界址点文件 {path} 第 {line} 行：坐标系为 {system}，不是 2000国家大地坐标系（CGCS2000）。请先用官方转换参数将坐标转换为 CGCS2000。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="86" />
      <source>Boundary-point file {path}, line {line}: the unit is {unit}; only metres (米) are supported.</source>
      <translation>界址点文件 {path} 第 {line} 行：计量单位为 {unit}；只支持米。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="171" />
      <source>Boundary-point file {path}, line {line}: unknown section {text}: the file has [属性描述] and [地块坐标].</source>
      <translation>界址点文件 {path} 第 {line} 行：未知的节 {text}：文件只有 [属性描述] 和 [地块坐标]。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="110" />
      <source>Boundary-point file {path}, line {line}: zone {zone} is not a {width}-degree zone of China. Check 带号 and 几度分带.</source>
      <translation>界址点文件 {path} 第 {line} 行：{zone} 不是我国的 {width} 度带带号。请检查带号和几度分带。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="90" />
      <source>Boundary-point file {path}, line {line}: 几度分带 must be 3 or 6, not {value}.</source>
      <translation>界址点文件 {path} 第 {line} 行：几度分带应为 3 或 6，而不是 {value}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="128" />
      <source>Boundary-point file {path}, line {line}: 圈号 must be 1 or more and X, Y finite numbers, got {text}</source>
      <translation>界址点文件 {path} 第 {line} 行：圈号应不小于 1，X、Y 应为有效数字，实际为 {text}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="125" />
      <source>Boundary-point file {path}, line {line}: 圈号 must be a whole number and X, Y numbers, got {text}</source>
      <translation>界址点文件 {path} 第 {line} 行：圈号应为整数，X、Y 应为数字，实际为 {text}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="96" />
      <source>Boundary-point file {path}, line {line}: 带号 must be a zone number, not {value}.</source>
      <translation>界址点文件 {path} 第 {line} 行：带号应为投影带号，而不是 {value}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="194" />
      <source>Boundary-point file {path}, line {line}: 记录图形属性 is {value}: only parcels (面) can be a site.</source>
      <translation>界址点文件 {path} 第 {line} 行：记录图形属性为 {value}：只有面状地块可作为选址范围。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="80" />
      <source>Browse…</source>
      <translation>浏览…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="18" />
      <source>Build project from GeoPackage</source>
      <translation>由 GeoPackage 生成工程</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="71" />
      <source>Building the land-use patch partition</source>
      <translation>正在生成地类图斑划分</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_tools.py" line="33" />
      <source>Building the parcel search index</source>
      <translation>建立宗地查询索引</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="213" />
      <source>Building the parcel search index (first time only)…</source>
      <translation>正在建立宗地查询索引（仅首次）…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/index.py" line="141" />
      <source>Building the parcel search index was cancelled; search is not available until it is built.</source>
      <translation>宗地查询索引的建立已取消；建成之前无法查询。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="32" />
      <source>Buildings (ZRZ)</source>
      <translation>自然幢（ZRZ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="12" />
      <source>CRS</source>
      <translation>坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="48" />
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="19" />
      <source>Can run</source>
      <translation>能否运行</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="65" />
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="119" />
      <source>Candidates</source>
      <translation>候选选址</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="291" />
      <source>Cannot create the folder {folder} for the output: {error}.</source>
      <translation>无法为输出创建文件夹 {folder}：{error}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/discovery.py" line="25" />
      <source>Cannot load module {module}</source>
      <translation>无法加载模块 {module}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/project_builder.py" line="33" />
      <source>Cannot open '{path}' as a GeoPackage. Check that the file exists and is not damaged.</source>
      <translation>无法将“{path}”作为 GeoPackage 打开。请检查文件是否存在、是否损坏。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="110" />
      <source>Cannot open the red-line file {path}: give a GeoPackage, shapefile or DXF file.</source>
      <translation>无法打开红线文件 {path}：请提供 GeoPackage、Shapefile 或 DXF 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="92" />
      <source>Cannot read the land-use code list {path} ({reason}). Check that the file exists and is saved as UTF-8 CSV.</source>
      <translation>无法读取地类编码表 {path}（{reason}）。请确认文件存在并以 UTF-8 编码的 CSV 格式保存。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/layer.py" line="54" />
      <source>Cannot write the field tasks to {path}: {error}. Choose another file.</source>
      <translation>无法把核查任务写入 {path}：{error}。请选择其他文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/project_builder.py" line="115" />
      <source>Cannot write the project '{path}': {error}. Check that the folder is writable.</source>
      <translation>无法写入工程“{path}”：{error}。请检查该文件夹是否可写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="253" />
      <source>Cannot write the red lights to {path}: {error}. Choose another file.</source>
      <translation>无法把红灯写入 {path}：{error}。请选择其他文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="87" />
      <source>Categories</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="48" />
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="531" />
      <source>Category {name}: {count} candidates</source>
      <translation>类别{name}：{count} 个候选</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="91" />
      <source>Centroid inside</source>
      <translation>中心点在红线内</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="51" />
      <source>Change</source>
      <translation>变化</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="396" />
      <source>Change history (data centre)</source>
      <translation>变更记录（数据中心）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="400" />
      <source>Change history of {code}</source>
      <translation>{code} 的变更记录</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="70" />
      <source>Change pieces</source>
      <translation>变化图斑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="32" />
      <source>Changes</source>
      <translation>变更条数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="23" />
      <source>Check out an area for field work</source>
      <translation>检出外业核查范围</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="98" />
      <source>Check site</source>
      <translation>分析选址</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_base.py" line="117" />
      <source>Check the project's data: which layer plays each role, how each standard field was found, how valid the values are, and which jobs can run</source>
      <translation>检查工程数据：各角色对应哪个图层、各标准字段如何识别、取值的有效率，以及哪些任务可以运行</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="137" />
      <source>Checked</source>
      <translation>已核查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="115" />
      <source>Checked or fixed tasks</source>
      <translation>已核查或已整改任务数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="375" />
      <source>Checked out: {counts}. Open {project} on the laptop.</source>
      <translation>已检出：{counts}。请在外业电脑上打开 {project}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="377" />
      <source>Checked out; the field project:</source>
      <translation>已检出，外业工程：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="380" />
      <source>Checking out…</source>
      <translation>正在检出…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="229" />
      <source>Checks</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="232" />
      <source>Checks (double-click to zoom)</source>
      <translation>检查结果（双击缩放到要素）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="43" />
      <source>Checks the land-use patches (DLTB) and, when given, villages (CJDCQ), townships (XZQ), basic farmland (YJJBNTTB), parcels (ZD) and buildings (ZRZ) by the rules of a rules file (TOML, modelled on the 三调 database checks): attributes, area identities, topology, layer against layer. Writes one red light per problem with its geometry, and an xlsx by village and rule. A rule whose layer is missing is skipped and said so.</source>
      <translation>按规则文件（TOML，仿三调数据库质检）检查地类图斑（DLTB），并在提供时检查村级调查区（CJDCQ）、行政区（XZQ）、永久基本农田（YJJBNTTB）、宗地（ZD）和自然幢（ZRZ）：属性、面积关系、拓扑、图层间关系。每个问题输出一个带问题几何的红灯，并按村、按规则输出xlsx。缺少所需图层的规则会跳过并注明。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="55" />
      <source>Chinese meaning {name}</source>
      <translation>中文含义 {name}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="272" />
      <source>Choose a layer for {role} in the cost panel.</source>
      <translation>请在成本测算面板中为 {role} 选择图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_actions.py" line="77" />
      <source>Choose a parcel first.</source>
      <translation>请先选择宗地。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="73" />
      <source>Choose at least one output: a PDF file, an xlsx file or both.</source>
      <translation>请至少选择一种输出：PDF 文件、xlsx 文件或两者。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="208" />
      <source>Choose the DLTB layer first.</source>
      <translation>请先选择 DLTB 图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="101" />
      <source>Choose the file for the red lights (a GeoPackage), or save the project first: the red lights are written beside it.</source>
      <translation>请选择红灯文件（GeoPackage），或先保存项目：红灯将写在项目旁边。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="282" />
      <source>Choose the folder of the field package first (step 2).</source>
      <translation>请先选择外业包所在的文件夹（第2步）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="223" />
      <source>Choose the land-use patch layer (DLTB) in the site-check panel.</source>
      <translation>请在选址分析面板中选择地类图斑图层（DLTB）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="52" />
      <source>Choose the layer that plays each role. Roles left empty disable only the functions that need them.</source>
      <translation>为每个角色选择对应的图层。未设置的角色只会停用需要它的功能。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="136" />
      <source>Choose where to write the task report: an xlsx, a PDF or both.</source>
      <translation>请选择任务报告的输出位置：xlsx、PDF 或两者。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="119" />
      <source>Click a parcel on the map to see its details</source>
      <translation>在地图上点击宗地查看详情</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="203" />
      <source>Click the corners on the map; right click closes the red line.</source>
      <translation>在地图上单击各拐点，右键闭合红线。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="175" />
      <source>Click the corners on the map; right click closes the site.</source>
      <translation>在地图上依次点击拐点，右键闭合选址范围。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="88" />
      <source>Code, owner, pinyin (zjg), address or patch number</source>
      <translation>宗地代码、权利人、拼音（zjg）、坐落或图斑编号</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="34" />
      <source>Collections (comma separated; empty: DLTB, ZD, EVIDENCE and the field tasks RWTB)</source>
      <translation>数据集（逗号分隔；留空：DLTB、ZD、EVIDENCE 和核查任务 RWTB）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="347" />
      <source>Collections: {names}.</source>
      <translation>数据集：{names}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="57" />
      <source>Column {key}: personal must be 'id' or 'phone', not {value}.</source>
      <translation>列 {key}：personal 只能是 'id' 或 'phone'，不能是 {value}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="45" />
      <source>Compares two DLTB vintages: the pieces whose land-use class changed (from-class → to-class, 亩), the transition matrix by first-level class and by the three legal categories (xlsx), and suspected unlawful use — new construction on cropland or in basic farmland that no approval (PZYD) or supply (GYYD) covers — with its evidence. Boundary jitter and slivers under the minimum mapping area (quality rules) are not changes.</source>
      <translation>比较两期地类图斑：地类发生变化的图斑（上期地类 → 本期地类，亩），按一级类和三大类的流量表（xlsx），以及疑似违法用地——在耕地或永久基本农田上新增、且未被批准用地（PZYD）或供地（GYYD）覆盖的建设用地——及其依据。边界抖动和小于最小上图面积（质检规则）的碎片不计为变化。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="87" />
      <source>Compensation standard</source>
      <translation>补偿标准</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/cost_common.py" line="40" />
      <source>Compensation standard (.json or filled .xlsx template; empty: the shipped example)</source>
      <translation>补偿标准（.json 或填好的 .xlsx 模板；留空则用随附示例）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="34" />
      <source>Conflict waiting for a decision: {collection} {fid}, field {field}</source>
      <translation>待决定的冲突：{collection} {fid}，字段 {field}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="63" />
      <source>Conflict: {collection} {fid} field {field}</source>
      <translation>冲突：{collection} {fid} 字段 {field}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="246" />
      <source>Conflicts</source>
      <translation>冲突</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="41" />
      <source>Conflicts left</source>
      <translation>剩余冲突</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="379" />
      <source>Control layer '{layer}' ({level}): the site does not touch it.</source>
      <translation>管控图层“{layer}”（{level}）：选址不涉及。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="71" />
      <source>Control layer '{layer}' has no rule: add it to [controls] of the site-check rules file as "{layer}" = "禁止" (or "限制", "提示"), or give the layer a field {fields} holding 禁止, 限制 or 提示 for each feature.</source>
      <translation>管控图层“{layer}”没有管控要求：请在选址分析规则文件的 [controls] 中加入 "{layer}" = "禁止"（或 "限制"、"提示"），或为该图层增加字段 {fields}，为每个要素填写 禁止、限制 或 提示。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="374" />
      <source>Control layer '{layer}': the rule field {field} holds {values}, which is not 禁止, 限制 or 提示; those features were treated as 提示 (notice). Correct the field.</source>
      <translation>管控图层“{layer}”：管控字段 {field} 的值 {values} 不是 禁止、限制 或 提示；这些要素按“提示”处理。请改正该字段。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="85" />
      <source>Control layers</source>
      <translation>管控图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="67" />
      <source>Control layers of other departments (rule by layer name in the rules file or by a rule field)</source>
      <translation>其他部门的管控图层（管控要求按规则文件中的图层名或按管控字段）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="21" />
      <source>Copies a FileGDB folder (.gdb), a GeoPackage, a shapefile or a folder of shapefiles into one GeoPackage. Layers whose role is recognised (DLTB land-use patches, ZD parcels, XZQ townships …) are named by the role id and their fields renamed to the standard names; other layers keep their names. Shapefile encodings (GBK, UTF-8) are detected. Type or paste a folder path for a .gdb or a folder of shapefiles. Layers are reprojected to the target CRS, by default the most common CGCS2000 CRS of the source.</source>
      <translation>将 FileGDB 文件夹（.gdb）、GeoPackage、Shapefile 或存放 Shapefile 的文件夹复制到一个 GeoPackage 中。识别出角色的图层（DLTB 地类图斑、ZD 宗地、XZQ 行政区等）以角色代码命名，字段改为标准字段名；其他图层保留原名。自动识别 Shapefile 的编码（GBK、UTF-8）。.gdb 或 Shapefile 文件夹请直接输入或粘贴文件夹路径。各图层投影到目标坐标系，默认为数据中最常用的 CGCS2000 坐标系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="26" />
      <source>Copies the land-use patches, parcels and evidence of one township (9-digit code) or an extent (xmin,ymin,xmax,ymax in EPSG:4549) from the data centre (OGC API - Features) into one GeoPackage with a pristine base copy, and writes a QGIS project with edit forms for the laptop.</source>
      <translation>将一个乡镇（9位代码）或一个范围（EPSG:4549 下的 xmin,ymin,xmax,ymax）内的地类图斑、宗地和举证照片从数据中心（OGC API - Features）复制到一个带原始基准副本的 GeoPackage，并为外业电脑生成带编辑表单的 QGIS 工程。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="126" />
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="126" />
      <source>Copy the parcel code</source>
      <translation>复制宗地代码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="101" />
      <source>Cost estimate {title}: {lines} lines, total {total} yuan, {warnings} warnings</source>
      <translation>成本测算 {title}：{lines} 项，合计 {total} 元，{warnings} 条警告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="30" />
      <source>Cost estimation</source>
      <translation>成本测算</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_reclamation_cost.py" line="35" />
      <source>Cost per mu of new cropland (yuan)</source>
      <translation>每亩新增耕地成本（元）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="325" />
      <source>Cost per mu of new cropland: {cost} yuan.</source>
      <translation>每亩新增耕地成本：{cost} 元。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/writer.py" line="71" />
      <source>Could not create {path}. Check that the folder exists and is writable.</source>
      <translation>无法创建 {path}。请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="458" />
      <source>Could not export the PDF map {path}: {reason}.</source>
      <translation>无法导出 PDF 地图 {path}：{reason}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="491" />
      <source>Could not save {path}: the file is open in another program (Excel, WPS) or locked. Close it and export again.</source>
      <translation>无法保存 {path}：该文件已在其他程序（Excel、WPS）中打开或被锁定。请关闭后重新导出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="299" />
      <source>Could not write the 界址点 file {path}: {error}. Choose another folder.</source>
      <translation>无法写出界址点文件 {path}：{error}。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="485" />
      <source>Could not write to folder {folder}: {error}. Choose another folder.</source>
      <translation>无法写入文件夹 {folder}：{error}。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="464" />
      <source>Could not write {path}: {error}. Close the file if it is open in a PDF viewer, or choose another name.</source>
      <translation>无法写入 {path}：{error}。如该文件已在 PDF 阅读器中打开，请先关闭，或另选文件名。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="59" />
      <source>Counties side by side (a sample city; 1: one county)</source>
      <translation>并排的县数（示例市；1：一个县）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/categories.py" line="38" />
      <source>Cropland recovery potential</source>
      <translation>耕地恢复潜力</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="20" />
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="66" />
      <source>Data and standard</source>
      <translation>数据与补偿标准</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="99" />
      <source>Data centre</source>
      <translation>数据中心</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="31" />
      <source>Data centre address</source>
      <translation>数据中心地址</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="74" />
      <source>Data centre address (empty: file only)</source>
      <translation>数据中心地址（留空：只写文件）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="33" />
      <source>Data centre address (empty: the checkout's)</source>
      <translation>数据中心地址（留空：使用检出时的地址）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="185" />
      <source>Data centre request failed: {detail}</source>
      <translation>数据中心请求失败：{detail}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="30" />
      <source>Data centre: {url}</source>
      <translation>数据中心：{url}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_base.py" line="116" />
      <source>Data check</source>
      <translation>数据体检</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="76" />
      <source>Data check of {source}</source>
      <translation>数据体检：{source}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="37" />
      <source>Data check workbook</source>
      <translation>数据体检工作簿</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="32" />
      <source>Data to check (.gpkg, .gdb folder, .shp or a folder of shapefiles; empty: the open project)</source>
      <translation>要检查的数据（.gpkg、.gdb 文件夹、.shp 或 shapefile 文件夹；留空：当前工程）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="38" />
      <source>Demolition cost estimate</source>
      <translation>征地拆迁成本测算</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="55" />
      <source>Densify: mean vertices per land-use patch (0: off)</source>
      <translation>加密：每个地类图斑的平均节点数（0：不加密）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Detail</source>
      <translation>明细</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/categories.py" line="36" />
      <source>Developable inside the urban boundary</source>
      <translation>城镇开发边界内可开发</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="63" />
      <source>Dialect</source>
      <translation>方言（数据交付形式）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="51" />
      <source>Difference B − A (yuan)</source>
      <translation>差额 B−A（元）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="39" />
      <source>Discarded ({kept} kept): {collection} {fid}, field {field}, value {discarded}</source>
      <translation>已舍弃（保留{kept}）：{collection} {fid}，字段 {field}，值 {discarded}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="98" />
      <source>Dividing homesteads into parcels and houses</source>
      <translation>正在将宅基地划分为宗地和房屋</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/area_tool.py" line="46" />
      <source>Draw on map</source>
      <translation>在地图上绘制</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="91" />
      <source>Drawing planning constraints</source>
      <translation>正在绘制规划管控边界</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="58" />
      <source>Each feature (or each parcel of a 界址点 file) is a candidate site: compare them, best first</source>
      <translation>每个要素（或界址点文件的每个地块）为一个候选选址：比较排序，优者在前</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="56" />
      <source>Earlier DLTB (上期地类图斑)</source>
      <translation>上期地类图斑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="37" />
      <source>Ecological protection red line (STBHHX)</source>
      <translation>生态保护红线（STBHHX）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="123" />
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="307" />
      <source>Edit the layers, save, then run the checks (step 4).</source>
      <translation>编辑图层并保存，然后运行检查（第4步）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="348" />
      <source>Edits can be sent.</source>
      <translation>可以提交修改。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="14" />
      <source>Empty geometries</source>
      <translation>空几何</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="272" />
      <source>Enter the data centre's address first (step 1), e.g. https://datacentre.example/ogcapi.</source>
      <translation>请先填写数据中心地址（第1步），例如 https://datacentre.example/ogcapi。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_lookup_audit.py" line="22" />
      <source>Entries</source>
      <translation>记录条数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="107" />
      <source>Estimate</source>
      <translation>测算</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="31" />
      <source>Estimates the requisition and demolition cost inside a red line: land compensation and resettlement by zone grade, crop compensation by land class, houses by structure and age, moving, transition, social security, attachments and contingency, each line quantity × rate = amount with its source. Writes an Excel report with live formulas and, optionally, a PDF with a map; returns the total.</source>
      <translation>测算红线内的征地拆迁成本：按区片等级计土地补偿费和安置补助费，按地类计青苗补偿费，按结构和房龄计房屋补偿，另计搬迁费、过渡费、社会保障费用、附属物和不可预见费；每行为 数量 × 单价 = 金额 并注明依据。输出含实时公式的 Excel 报表，可选输出带地图的 PDF；返回合计金额。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="130" />
      <source>Example (on the sample county of the generatesample example):</source>
      <translation>示例（基于 generatesample 示例生成的示例县）：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="251" />
      <source>Excel files (*.xlsx)</source>
      <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="348" />
      <source>Excel report</source>
      <translation>Excel 报表</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="355" />
      <source>Excel report written:</source>
      <translation>Excel 报告已生成：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="367" />
      <source>Excel report: {path}</source>
      <translation>Excel 报表：{path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_actions.py" line="80" />
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="136" />
      <source>Excel…</source>
      <translation>导出Excel…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="221" />
      <source>Export field map</source>
      <translation>导出字段映射</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="71" />
      <source>Export field map…</source>
      <translation>导出字段映射…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/field_map_param.py" line="20" />
      <source>FIELD_MAP: a TOML file naming, per role, the layer field of each standard field and, if needed, the layer's values of a coded field. Example:</source>
      <translation>FIELD_MAP：一个 TOML 文件，按角色写明每个标准字段对应的图层字段，必要时写明代码字段中图层取值与标准代码的对应。示例：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Factor</source>
      <translation>系数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="325" />
      <source>Failed: {error}</source>
      <translation>失败：{error}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="24" />
      <source>Feature</source>
      <translation>要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="28" />
      <source>Feature id (empty: the whole area)</source>
      <translation>要素编号（留空：整个范围）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="12" />
      <source>Features</source>
      <translation>要素数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="47" />
      <source>Features checked out</source>
      <translation>检出的要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="71" />
      <source>Features in {layer}</source>
      <translation>{layer} 要素数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="24" />
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/field_map_param.py" line="14" />
      <source>Field map (TOML: the layers' own field names and values; empty: standard names and aliases)</source>
      <translation>字段对应（TOML：图层自己的字段名和取值；留空：按标准字段名和别名识别）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="69" />
      <source>Field map of the mapped dialect</source>
      <translation>mapped 方言的字段对应文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="179" />
      <source>Field map {path} does not exist: choose an existing .toml file or leave FIELD_MAP empty.</source>
      <translation>字段对应文件 {path} 不存在：请选择一个已有的 .toml 文件，或将 FIELD_MAP 留空。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="184" />
      <source>Field map {path} is not UTF-8 text: save it as UTF-8.</source>
      <translation>字段对应文件 {path} 不是 UTF-8 文本：请以 UTF-8 编码保存。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="133" />
      <source>Field map {path} is not valid TOML: {reason}. Correct that line; an example:
{example}</source>
      <translation>字段对应文件 {path} 不是有效的 TOML：{reason}。请改正该行；示例：
{example}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="140" />
      <source>Field map {path}: '{role}' is not a layer role. Use [ROLE] tables with one of: {roles}. An example:
{example}</source>
      <translation>字段对应文件 {path}：“{role}”不是图层角色。请用 [角色] 表，角色为以下之一：{roles}。示例：
{example}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="152" />
      <source>Field map {path}: [{role}.values.{field}] must map the layer's values to standard codes, e.g. "A" = "11". An example:
{example}</source>
      <translation>字段对应文件 {path}：[{role}.values.{field}] 必须把图层的取值对应到标准代码，例如 "A" = "11"。示例：
{example}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="146" />
      <source>Field map {path}: [{role}.values] must hold tables [{role}.values.FIELD]. An example:
{example}</source>
      <translation>字段对应文件 {path}：[{role}.values] 下只能是 [{role}.values.字段] 表。示例：
{example}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="168" />
      <source>Field map {path}: {role} has no standard field '{field}'. Its standard fields: {fields}. An example:
{example}</source>
      <translation>字段对应文件 {path}：{role} 没有标准字段“{field}”。其标准字段为：{fields}。示例：
{example}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="159" />
      <source>Field map {path}: {role}.{field} must be the name of a layer field in quotes, not {value}. An example:
{example}</source>
      <translation>字段对应文件 {path}：{role}.{field} 必须是加引号的图层字段名，而不是 {value}。示例：
{example}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="212" />
      <source>Field maps (*.toml)</source>
      <translation>字段映射 (*.toml)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="110" />
      <source>Field package</source>
      <translation>外业数据包</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="108" />
      <source>Field package folder</source>
      <translation>外业数据包文件夹</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="101" />
      <source>Field task report (核查任务报告)</source>
      <translation>核查任务报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="134" />
      <source>Field tasks</source>
      <translation>核查任务</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="218" />
      <source>Field tasks (RWTB)</source>
      <translation>核查任务（RWTB）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="26" />
      <source>Field tasks from red lights and clues (核查任务)</source>
      <translation>由红灯和线索生成核查任务（核查任务）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="28" />
      <source>Field work</source>
      <translation>外业核查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="44" />
      <source>Field work and sync</source>
      <translation>外业核查与同步</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/inspect_dialog.py" line="69" />
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="156" />
      <source>Fields of {role}</source>
      <translation>{role}的字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="136" />
      <source>Fields…</source>
      <translation>字段…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="138" />
      <source>Find layers</source>
      <translation>查找图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_potential_land.py" line="45" />
      <source>Finds potential land (approved but not supplied, idle, inefficient industrial, reclamation, developable inside the urban boundary, cropland recovery) from the role layers, never on hard constraints, each piece in one category only. Writes a layer, an xlsx report and PDF maps (county plus one page per township). Thresholds come from a rules file (TOML).</source>
      <translation>根据各角色图层查找用地潜力（批而未供、闲置土地/供而未用、低效工业用地、增减挂钩复垦、城镇开发边界内可开发、耕地恢复），硬约束范围内不计潜力，每块土地只归入一个类别。输出图层、xlsx 报表和 PDF 专题图（全县一页，另每个乡镇一页）。阈值来自规则文件（TOML）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="341" />
      <source>Finished in {seconds:.1f} s.</source>
      <translation>完成，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="138" />
      <source>Fixed</source>
      <translation>已整改</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="118" />
      <source>Folder</source>
      <translation>文件夹</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="471" />
      <source>Folder {folder} does not exist: choose an existing folder for the Excel file.</source>
      <translation>文件夹 {folder} 不存在：请为 Excel 文件选择一个已有的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="446" />
      <source>Folder {folder} does not exist: choose an existing folder for the PDF.</source>
      <translation>文件夹 {folder} 不存在：请为 PDF 选择一个已有的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="474" />
      <source>Folder {folder} is not writable: choose another folder for the Excel file.</source>
      <translation>文件夹 {folder} 不可写：请为 Excel 文件选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="449" />
      <source>Folder {folder} is not writable: choose another folder for the PDF.</source>
      <translation>文件夹 {folder} 不可写：请为 PDF 选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_reclamation_cost.py" line="23" />
      <source>For the villages given by their 12-digit codes: the homestead land (DLTB 0702) to reclaim in 亩, the demolition compensation of every homestead there, the reclamation works, and the cost per 亩 of new cropland. Writes an Excel report with live formulas and, optionally, a PDF.</source>
      <translation>对以12位代码指定的村庄：计算待复垦宅基地（地类图斑0702）亩数、全部宅基地的拆迁补偿、复垦工程费以及每亩新增耕地成本。输出含实时公式的 Excel 报表，可选输出 PDF。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/area_tool.py" line="46" />
      <source>From file…</source>
      <translation>从文件…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="61" />
      <source>From selected feature</source>
      <translation>取选中要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="75" />
      <source>From selected features</source>
      <translation>取自选中要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="133" />
      <source>Full ID…</source>
      <translation>完整证件号…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="68" />
      <source>GBK shapefile of DLTB</source>
      <translation>地类图斑 GBK 编码 shapefile</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/writer.py" line="67" />
      <source>GDAL has no {driver} driver, so the sample cannot be written. Install a GDAL build with that driver (QGIS's own GDAL has it).</source>
      <translation>GDAL 缺少 {driver} 驱动，无法写出示例数据。请安装带有该驱动的 GDAL（QGIS 自带的 GDAL 已包含）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="24" />
      <source>Generate sample county</source>
      <translation>生成示例县数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="19" />
      <source>Generate sample county…</source>
      <translation>生成示例县数据…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="109" />
      <source>Generated in {seconds} s</source>
      <translation>生成用时 {seconds} 秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="27" />
      <source>Generates a fictional county (code 320299, EPSG:4549) with every layer role: townships, villages, land-use patches (an exact partition), basic farmland, ecological red line, development boundary, approvals, land supply, parcels, buildings, households and enterprises. Beside the GeoPackage it writes a 三调-style FileGDB (&lt;name&gt;_sandiao.gdb) and a GBK shapefile of DLTB (&lt;name&gt;_shp_gbk). SCALE: small (3 townships, a few seconds) or county (10 townships, ≈ 250 000 patches, a few minutes); give 0/1 or the names small/county. The same seed always gives the same data. DIALECT: standard; alias (the same county as another office delivers it: EPSG:4490, field names from the national database standards such as GNFQLX/HTQDRQ/QLR/TDZL, zone types, ownership and structures as names, text dates in mixed forms, one row per household in the population table; read without a field map); mapped (EPSG:4527, Chinese layer names, a local system's field names and codes, with &lt;name&gt;.fieldmap.toml beside the GeoPackage to pass as FIELD_MAP). alias and mapped write only the GeoPackage.</source>
      <translation>生成一个虚构的县（代码 320299，EPSG:4549），包含全部图层角色：乡镇、行政村、地类图斑（严格无缝无重叠的划分）、永久基本农田、生态保护红线、城镇开发边界、批准用地、供地、宗地、自然幢、户籍人口和工业企业。除 GeoPackage 外，还在旁边写出三调风格的 FileGDB（&lt;name&gt;_sandiao.gdb）和 GBK 编码的地类图斑 shapefile（&lt;name&gt;_shp_gbk）。规模 SCALE：small（3 个乡镇，几秒钟）或 county（10 个乡镇，约 25 万个图斑，几分钟）；可填 0/1 或名称 small/county。相同的随机种子总是生成相同的数据。方言 DIALECT：standard（标准）；alias（同一个县按其他单位的交付方式：EPSG:4490，字段名取自国家数据库标准，如 GNFQLX/HTQDRQ/QLR/TDZL，分区类型、权属性质和房屋结构以名称给出，日期为多种写法的文本，人口表每户一行；无需字段对应即可读取）；mapped（EPSG:4527，中文图层名，地方系统自己的字段名和代码，并在 GeoPackage 旁写出 &lt;name&gt;.fieldmap.toml，作为 FIELD_MAP 传入）。alias 和 mapped 只写 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="25" />
      <source>GeoPackage</source>
      <translation>GeoPackage 数据库</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/gpkg_param.py" line="17" />
      <source>GeoPackage with role layers (fills the layers not chosen above)</source>
      <translation>含各角色图层的 GeoPackage（补足上面未选择的图层）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="67" />
      <source>GeoPackage {path} does not exist: choose an existing .gpkg file.</source>
      <translation>GeoPackage {path} 不存在：请选择一个已有的 .gpkg 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="12" />
      <source>Geographic</source>
      <translation>地理坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="33" />
      <source>Geometry is missing or invalid: {detail}</source>
      <translation>图形缺失或无效：{detail}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="54" />
      <source>Give at least one red-light layer (landoffice:qualitycheck) or clue layer (landoffice:landusechange).</source>
      <translation>请至少提供一个红灯图层（landoffice:qualitycheck）或线索图层（landoffice:landusechange）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="67" />
      <source>Give the area to check out: a 9-digit township code, an extent xmin,ymin,xmax,ymax, or a polygon layer.</source>
      <translation>请指定要检出的范围：9 位乡镇代码、范围 xmin,ymin,xmax,ymax，或一个面图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/audit.py" line="102" />
      <source>Give the reason for seeing the full ID numbers (查询事由): it is logged with your name and the time.</source>
      <translation>请填写查看完整身份证号的查询事由：事由将与您的用户名和时间一同记录。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="96" />
      <source>Give the site either as AREA (a layer) or as AREA_FILE (a file), not both.</source>
      <translation>选址范围请用 AREA（图层）或 AREA_FILE（文件）之一给出，不要同时给出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="144" />
      <source>Give the villages as 12-digit village codes (the first 12 digits of ZLDWDM); not valid: {codes}.</source>
      <translation>请用12位村代码（坐落单位代码ZLDWDM的前12位）指定村庄；无效：{codes}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="511" />
      <source>Hard constraint layer {role} is missing: its land could not be excluded. Add the layer and run again.</source>
      <translation>缺少硬约束图层 {role}：其范围内的土地未能扣除。请添加该图层后重新分析。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="287" />
      <source>Has red lights: open the parcel to see why</source>
      <translation>有红灯：打开宗地查看原因</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="17" />
      <source>History of changes (留痕)</source>
      <translation>变更留痕</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="30" />
      <source>History workbook</source>
      <translation>变更记录工作簿</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="98" />
      <source>Homestead counts when</source>
      <translation>宅基地认定规则</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="149" />
      <source>Homestead land (0702) to reclaim</source>
      <translation>待复垦宅基地（0702）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_reclamation_cost.py" line="34" />
      <source>Homestead land to reclaim (mu)</source>
      <translation>待复垦宅基地（亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="124" />
      <source>Homesteads, buildings and households</source>
      <translation>宅基地、房屋和户籍</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="32" />
      <source>Households (HJ)</source>
      <translation>户籍（HJ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="32" />
      <source>Households and persons (HJ)</source>
      <translation>户籍人口（HJ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="131" />
      <source>ID number {masked} is not valid: {problems}. Check it against the ID card and enter it again.</source>
      <translation>身份证号 {masked} 无效：{problems}。请对照身份证核对后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="119" />
      <source>Identify</source>
      <translation>点选</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/categories.py" line="32" />
      <source>Idle or supplied but unused land</source>
      <translation>闲置土地/供而未用</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_supply.py" line="50" />
      <source>Idle: not started {months} months after the contracted start {date}</source>
      <translation>闲置：超过约定开工日期{date}满{months}个月未动工</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_supply.py" line="51" />
      <source>Idle: started, built {built} and invested {invested} of the contract; taken as halted (no halt date in the data)</source>
      <translation>闲置：已动工，开发面积占{built}、投资额占{invested}，按中止开发推定（数据无停工日期）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="143" />
      <source>Import cancelled; nothing was written.</source>
      <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="212" />
      <source>Import field map</source>
      <translation>导入字段映射</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="76" />
      <source>Import field map…</source>
      <translation>导入字段映射…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="18" />
      <source>Import survey data</source>
      <translation>导入调查数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="17" />
      <source>Import survey data…</source>
      <translation>导入调查数据…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="148" />
      <source>Imported {count} layers into {output} (CRS {crs}) in {seconds:.1f} s</source>
      <translation>已将 {count} 个图层导入 {output}（坐标系 {crs}），用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="431" />
      <source>Incremental parcel index update failed; rebuilding the index</source>
      <translation>宗地索引增量更新失败，正在重建索引</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/categories.py" line="33" />
      <source>Inefficient industrial land</source>
      <translation>低效工业用地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_boundary.py" line="68" />
      <source>Inside the development boundary ({zone}); current use {landuse} is not construction land</source>
      <translation>位于城镇开发边界（{zone}）内，现状{landuse}为非建设用地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="13" />
      <source>Invalid geometries</source>
      <translation>无效几何</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="128" />
      <source>Invalid or missing geometry: repair it (Vector ▸ Geometry Tools ▸ Fix Geometries)</source>
      <translation>图形无效或缺失：请修复（矢量 ▸ 几何工具 ▸ 修复几何）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="122" />
      <source>Invalid parcel code: {detail}</source>
      <translation>宗地代码无效：{detail}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="185" />
      <source>Invalid value '{value}' for --{name}.</source>
      <translation>--{name} 的取值“{value}”无效。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="18" />
      <source>Invalid values (examples)</source>
      <translation>无效值（示例）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Item</source>
      <translation>项目</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="19" />
      <source>Job</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="19" />
      <source>Job name</source>
      <translation>任务名称</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/inspect_dialog.py" line="67" />
      <source>Jobs</source>
      <translation>任务</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="38" />
      <source>Jobs that can run</source>
      <translation>可运行的任务数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="39" />
      <source>Jobs that cannot run</source>
      <translation>不能运行的任务数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="40" />
      <source>Jobs that cannot run, and why</source>
      <translation>不能运行的任务及原因</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="81" />
      <source>Jobs:</source>
      <translation>任务：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="24" />
      <source>Keep</source>
      <translation>保留</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="134" />
      <source>Keep as scenario A</source>
      <translation>设为方案A</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="32" />
      <source>Keep mine</source>
      <translation>保留我的</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="336" />
      <source>Kept as scenario A; change the red line or the standard and estimate again to compare.</source>
      <translation>已设为方案A；更改红线或补偿标准后再次测算即可比较。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="120" />
      <source>Land inside the red line</source>
      <translation>红线内土地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="39" />
      <source>Land supply (GYYD)</source>
      <translation>供地（GYYD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="213" />
      <source>Land use (DLTB)</source>
      <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="42" />
      <source>Land-use change (年度变更)</source>
      <translation>年度变更（地类变化检测）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="60" />
      <source>Land-use code {code} appears twice in {path}. Keep one row per code and reload.</source>
      <translation>地类编码 {code} 在 {path} 中出现了两次。每个编码只保留一行，然后重新加载。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="30" />
      <source>Land-use code {value} is not a GB/T 21010 code</source>
      <translation>地类编码 {value} 不是 GB/T 21010 编码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="31" />
      <source>Land-use patches (DLTB)</source>
      <translation>地类图斑（DLTB）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="41" />
      <source>LandOffice</source>
      <translation>国土所工具</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="192" />
      <source>LandOffice field map (FIELD_MAP), exported from the roles dialog</source>
      <translation>国土所字段映射（FIELD_MAP），由图层角色对话框导出</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/provider.py" line="33" />
      <source>LandOffice land office tools</source>
      <translation>国土所工具（LandOffice）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/plugin.py" line="69" />
      <source>LandOffice loaded in {ms:.0f} ms</source>
      <translation>国土所工具已加载，用时 {ms:.0f} 毫秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="57" />
      <source>Later DLTB (本期地类图斑)</source>
      <translation>本期地类图斑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="55" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="271" />
      <source>Layer "{layer}" has a coordinate reference system QGIS cannot identify ({crs}). Check the .prj file and define the layer's CRS as the CGCS2000 system its coordinates use (e.g. EPSG:{suggest}).</source>
      <translation>图层“{layer}”的坐标参考系无法被 QGIS 识别（{crs}）。请检查 .prj 文件，并将图层坐标系定义为其坐标实际所用的 CGCS2000 坐标系（例如 EPSG:{suggest}）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="264" />
      <source>Layer "{layer}" has no coordinate reference system. Define the CRS its coordinates were surveyed in (normally CGCS2000, e.g. EPSG:4549) in the layer properties before measuring areas.</source>
      <translation>图层“{layer}”没有坐标参考系。计算面积前，请在图层属性中定义其坐标实际所用的坐标系（通常为 CGCS2000，例如 EPSG:4549）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="244" />
      <source>Layer "{layer}" is defined as EPSG:{epsg} (no zone prefix), but its eastings (about {east:.0f} m) start with zone number {zone}. Define the layer's CRS as the zone-prefixed system (for zone {zone}: EPSG:{fix}) instead of reprojecting it.</source>
      <translation>图层“{layer}”定义为 EPSG:{epsg}（不带带号），但其横坐标（约 {east:.0f} 米）以带号 {zone} 开头。请将该图层的坐标系定义为带带号的坐标系（{zone} 带：EPSG:{fix}），不要进行投影转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="250" />
      <source>Layer "{layer}" is defined as EPSG:{epsg} (with zone prefix {zone}), but its eastings (about {east:.0f} m) carry no zone prefix. Define the layer's CRS as the system without prefix (EPSG:{fix}) instead of reprojecting it.</source>
      <translation>图层“{layer}”定义为 EPSG:{epsg}（带带号 {zone}），但其横坐标（约 {east:.0f} 米）不含带号。请将该图层的坐标系定义为不带带号的坐标系（EPSG:{fix}），不要进行投影转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="295" />
      <source>Layer "{layer}" is defined as geographic CGCS2000 (EPSG:4490, degrees), but its coordinates are metres. Define the layer's CRS as the Gauss-Kruger system they were measured in (e.g. EPSG:4549 or EPSG:4528) instead of reprojecting it.</source>
      <translation>图层“{layer}”定义为 CGCS2000 地理坐标系（EPSG:4490，单位为度），但其坐标单位是米。请将图层坐标系定义为坐标实际所用的高斯-克吕格投影坐标系（例如 EPSG:4549 或 EPSG:4528），不要进行投影转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="279" />
      <source>Layer "{layer}" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Convert it to CGCS2000 (e.g. EPSG:{suggest}) with the official conversion parameters for your area: a plain reprojection without them can shift parcels by many metres. If the coordinates are already CGCS2000 and only the CRS is wrong, define the layer's CRS instead.</source>
      <translation>图层“{layer}”采用{system}（{crs}，EPSG:{epsg}），不是 CGCS2000。请使用本地区官方坐标转换参数将其转换到 CGCS2000（例如 EPSG:{suggest}）：不用转换参数直接投影转换，图斑可能偏移数米甚至更多。如果坐标本身已是 CGCS2000、只是坐标系定义有误，请直接重新定义图层坐标系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="286" />
      <source>Layer "{layer}" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Reproject it to CGCS2000 (e.g. EPSG:{suggest}); if the coordinates are already CGCS2000 and only the CRS is wrong, define the layer's CRS instead.</source>
      <translation>图层“{layer}”采用{system}（{crs}，EPSG:{epsg}），不是 CGCS2000。请将其投影转换到 CGCS2000（例如 EPSG:{suggest}）；如果坐标本身已是 CGCS2000、只是坐标系定义有误，请直接重新定义图层坐标系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="251" />
      <source>Layer '{layer}' cannot be used as {role}: it has no field for {fields}. Open the field mapping of {role} and choose the layer's field for each, name them in a FIELD_MAP file ([{role_id}] FIELD = "&lt;layer field&gt;"), or add the missing fields to the layer.</source>
      <translation>图层“{layer}”不能用作{role}：缺少字段 {fields}。请打开{role}的字段对应设置，为每个字段选择图层中的对应字段，或在 FIELD_MAP 字段对应文件中写明（[{role_id}] 字段 = "&lt;图层字段&gt;"），或在图层中添加缺少的字段。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="266" />
      <source>Layer '{layer}' has {kind} geometry but {role} needs {expected}. Choose another layer for {role}.</source>
      <translation>图层“{layer}”的几何类型为 {kind}，但{role}需要 {expected}。请为{role}选择其他图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="138" />
      <source>Layer '{layer}' in {file} cannot be opened. The file may be damaged: copy it again from the original source, or open it in QGIS to check it.</source>
      <translation>无法打开 {file} 中的图层“{layer}”。文件可能已损坏：请从原始来源重新复制，或在 QGIS 中打开检查。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="286" />
      <source>Layer '{layer}' in {file} could not be opened again for the import. Check that the file was not moved or changed, then run the import again.</source>
      <translation>导入时无法再次打开 {file} 中的图层“{layer}”。请检查文件是否被移动或修改，然后重新导入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="151" />
      <source>Layer '{layer}' in {file} has no coordinate reference system. Add its .prj file, or set its CRS in QGIS (CGCS2000, e.g. EPSG:4549) and save it; otherwise it is imported as if it were in the target CRS.</source>
      <translation>{file} 中的图层“{layer}”没有坐标系。请补上其 .prj 文件，或在 QGIS 中设置其坐标系（CGCS2000，如 EPSG:4549）并保存；否则导入时将按目标坐标系处理。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="156" />
      <source>Layer '{layer}' in {file} is in {crs}, not CGCS2000. It is reprojected with PROJ's default transformation, which can be off by metres or more for Xian 1980 and Beijing 1954; for survey work convert it with the province's official parameters first.</source>
      <translation>{file} 中的图层“{layer}”采用 {crs}，不是 CGCS2000。导入时将用 PROJ 的默认转换进行投影变换，对西安 1980 和北京 1954 坐标系可能偏差数米甚至更多；用于调查成果时，请先用本省官方转换参数进行转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="203" />
      <source>Layer '{layer}' is in the geographic CRS {crs}, but its extent cannot be placed in a CGCS2000 Gauss-Kruger zone of China (is it empty, or is its CRS wrong?). Check the layer's features and its coordinate reference system.</source>
      <translation>图层“{layer}”使用地理坐标系 {crs}，但其范围无法落入我国的 CGCS2000 高斯-克吕格投影带（图层是否为空，或坐标系是否有误？）。请检查图层的要素及其坐标参照系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="27" />
      <source>Layer (collection)</source>
      <translation>图层（数据集）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="28" />
      <source>Layer against layer</source>
      <translation>图层间</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="16" />
      <source>Layer field</source>
      <translation>图层字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="11" />
      <source>Layer found</source>
      <translation>找到的图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/role_boxes.py" line="36" />
      <source>Layer role assignment failed</source>
      <translation>图层角色识别失败</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="136" />
      <source>Layer roles and field mapping</source>
      <translation>图层角色与字段对应</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="73" />
      <source>Layer roles and field mapping…</source>
      <translation>图层角色与字段对应…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="99" />
      <source>Layer {layer} holds points or no geometry: a red line must be a polygon or a closed polyline.</source>
      <translation>图层 {layer} 为点或无几何：红线必须是面或闭合多段线。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="90" />
      <source>Layer {name} ({source}): {geometry}, {count} features, CRS {crs}</source>
      <translation>图层 {name}（{source}）：{geometry}，{count} 个要素，坐标系 {crs}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="212" />
      <source>Layer {name} cannot be printed because it is not valid: check its data source.</source>
      <translation>图层 {name} 无效，无法打印：请检查其数据源。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/engine.py" line="78" />
      <source>Layer {role} not given: suspected unlawful use is not checked against it</source>
      <translation>未提供{role}图层：疑似违法用地未与其核对</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="74" />
      <source>Layers</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="80" />
      <source>Layers and rules</source>
      <translation>图层与规则</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="86" />
      <source>Layers:</source>
      <translation>图层：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="69" />
      <source>Laying out townships, villages, rivers and roads</source>
      <translation>正在布设乡镇、村庄、河流和道路</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="60" />
      <source>Lays the generated county out this many times in one GeoPackage, each copy with its own county code (320299, 320298, …): a city for trying the tools on millions of patches. Only the GeoPackage is written.</source>
      <translation>将生成的县在一个 GeoPackage 中并排复制这么多份，每份使用自己的县代码（320299、320298……）：用于在数百万图斑上试用各工具的示例市。只写出 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="128" />
      <source>Line items</source>
      <translation>明细</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="213" />
      <source>Line {line} of the overrides file {path} needs collection, fid, check and a reason (say why the feature is right as it is).</source>
      <translation>问题确认文件 {path} 第 {line} 行需要填写 collection、fid、check 和理由（说明该要素为何无误）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_lookup_audit.py" line="20" />
      <source>Log workbook</source>
      <translation>留痕工作簿</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="105" />
      <source>Login</source>
      <translation>登录</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="79" />
      <source>Make field tasks from the red lights</source>
      <translation>由红灯生成核查任务</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="231" />
      <source>Making the field tasks…</source>
      <translation>正在生成核查任务…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="96" />
      <source>Map CRS: {crs}</source>
      <translation>制图坐标系：{crs}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="47" />
      <source>Map title</source>
      <translation>地图标题</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="49" />
      <source>Mapping office</source>
      <translation>制图单位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="34" />
      <source>Maps and reports</source>
      <translation>地图与报表</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="49" />
      <source>Mask ID and phone numbers</source>
      <translation>身份证号和电话号码脱敏</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="47" />
      <source>Matches (CSV)</source>
      <translation>查询结果（CSV）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="44" />
      <source>Maximum number of matches</source>
      <translation>最多结果数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="15" />
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="24" />
      <source>Mine</source>
      <translation>我的</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="100" />
      <source>Missing rate, not counted in the total: {item}</source>
      <translation>缺少费率，未计入合计：{item}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="181" />
      <source>Missing required parameter(s): {names}.</source>
      <translation>缺少必填参数：{names}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="149" />
      <source>No birth date can be read from ID number {masked}: it needs 18 characters with a valid YYYYMMDD date at positions 7–14. Check the number.</source>
      <translation>无法从身份证号 {masked} 读出出生日期：需要 18 位且第 7–14 位为有效的 YYYYMMDD 日期。请核对号码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="212" />
      <source>No category is ticked: tick at least one category to analyse.</source>
      <translation>未勾选任何类别：请至少勾选一个要分析的类别。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="48" />
      <source>No conflict.</source>
      <translation>无冲突。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="95" />
      <source>No feature of layer {layer} is selected: select the red-line polygon first.</source>
      <translation>图层 {layer} 中没有选中的要素：请先选择红线面。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/package.py" line="108" />
      <source>No field package was found in {path}: run the checkout first, or choose the folder that holds fieldwork.gpkg.</source>
      <translation>在 {path} 中找不到外业数据包：请先检出，或选择包含 fieldwork.gpkg 的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/sample_redline.py" line="38" />
      <source>No homestead (ZDDM with J and C) found: the red line cannot be placed.</source>
      <translation>没有找到宅基地（宗地代码含J、C）：无法放置红线。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/engine.py" line="81" />
      <source>No land-use change between the two vintages</source>
      <translation>两期地类图斑之间没有地类变化</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="220" />
      <source>No layer is active: select the red-line polygon in a layer first.</source>
      <translation>没有当前图层：请先在图层中选择红线面。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="192" />
      <source>No layer is active: select the site's polygons in a layer first.</source>
      <translation>没有活动图层：请先在图层中选中选址范围的面要素。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="130" />
      <source>No owner (权利人) recorded</source>
      <translation>未登记权利人</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="69" />
      <source>No parcel code given: enter one or more codes separated by commas.</source>
      <translation>未给出宗地代码：请输入一个或多个以逗号分隔的代码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/batch.py" line="49" />
      <source>No parcel has the code {codes}: check the codes (19-character 宗地代码 or 28-character 不动产单元号) or search for the parcels first.</source>
      <translation>没有宗地代码为 {codes} 的宗地：请检查代码（19 位宗地代码或 28 位不动产单元号），或先查询宗地。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="190" />
      <source>No parcel layer (宗地, ZD) in the project. Load the parcel layer of your 不动产 (real-estate) database — a layer with the field ZDDM (宗地代码), e.g. layer ZD of the LandOffice sample GeoPackage. A 三调 FileGDB has land-use patches but no parcels: import it with 导入数据, then add the parcel layer. If your parcel layer has another name, assign it in Fields….</source>
      <translation>工程中没有宗地图层（ZD）。请加载不动产数据库中的宗地图层——含字段 ZDDM（宗地代码）的图层，例如国土所工具示例 GeoPackage 中的 ZD 图层。三调 FileGDB 只有地类图斑、没有宗地：请用“导入数据”导入后再加载宗地图层。如果宗地图层名称不同，请在“字段…”中指定。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/search.py" line="235" />
      <source>No parcel matches '{text}'.</source>
      <translation>没有与“{text}”匹配的宗地。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="204" />
      <source>No readable layer was found in {path}. Choose a GeoPackage, a FileGDB folder (.gdb), a shapefile or a folder of shapefiles.</source>
      <translation>{path} 中没有可读取的图层。请选择 GeoPackage、FileGDB 文件夹（.gdb）、Shapefile 或存放 Shapefile 的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="143" />
      <source>No recorded area (宗地面积): the ellipsoidal area is {area:.2f} m²</source>
      <translation>未登记宗地面积：椭球面积为 {area:.2f} 平方米</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="176" />
      <source>No red light: every rule that ran found nothing to report.</source>
      <translation>没有红灯：运行的每条规则都未发现问题。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_details_html.py" line="27" />
      <source>No red lights.</source>
      <translation>无红灯。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="61" />
      <source>No red line yet.</source>
      <translation>尚未指定红线。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/engine.py" line="89" />
      <source>No rule is enabled in the groups chosen ({groups}): enable a rule in the rules file or choose other groups.</source>
      <translation>所选规则组（{groups}）中没有启用的规则：请在规则文件中启用规则或选择其他规则组。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="109" />
      <source>No site was given: choose a polygon layer as AREA (or its selected features), or a file as AREA_FILE (GeoPackage, shapefile, DXF, KML or 界址点坐标 .txt).</source>
      <translation>未给出选址范围：请选择一个面图层作为 AREA（或其选中要素），或选择一个文件作为 AREA_FILE（GeoPackage、shapefile、DXF、KML 或界址点坐标 .txt）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="75" />
      <source>No site yet.</source>
      <translation>尚无选址范围。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="84" />
      <source>No style for {role}; the default style is used.</source>
      <translation>{role} 没有预设样式，使用默认样式。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="320" />
      <source>No warnings.</source>
      <translation>无警告。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_boundary.py" line="35" />
      <source>No zone of the development-boundary layer (CZKFBJ) '{layer}' has one of the zone types the rules choose ({codes}, or their names {names}): the values found in FQDM are {values}. Map the layer's values to these codes or names, or list the layer's codes in boundary.zone_codes of the rules, then run again.</source>
      <translation>城镇开发边界图层（CZKFBJ）“{layer}”中没有一个分区属于规则所选的分区类型（{codes}，或其名称{names}）：FQDM 中的取值为 {values}。请把图层的取值对应为这些代码或名称，或在规则的 boundary.zone_codes 中列出图层所用的代码，然后重新运行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="121" />
      <source>No {what} layer was given: the site was not checked against it.</source>
      <translation>未提供{what}图层：未对其进行分析。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="228" />
      <source>None of the layers in {path} is in CGCS2000, so the target CRS cannot be chosen automatically. Choose a target CRS, for example EPSG:4549 (CGCS2000, 3-degree zone, central meridian 120°E).</source>
      <translation>{path} 中没有采用 CGCS2000 坐标系的图层，无法自动确定目标坐标系。请指定目标坐标系，例如 EPSG:4549（CGCS2000 3 度带，中央经线 120°E）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="484" />
      <source>None of the values of {role}.{standard} ({meaning}) in the {role_name} layer '{layer}' (field {field}) is a date: it has {values}. Write the dates as 2019-05-01, 2019/5/1, 20190501 or 2019年5月1日, or store them in a DATE field, then run again.</source>
      <translation>{role_name}图层“{layer}”中 {role}.{standard}（{meaning}，字段 {field}）的取值没有一个是日期：其取值为 {values}。请把日期写成 2019-05-01、2019/5/1、20190501 或 2019年5月1日，或存为日期（DATE）字段，然后重新运行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/engine.py" line="76" />
      <source>Not counted as change: {jitter} boundary-jitter pieces, {small} pieces under the minimum mapping area</source>
      <translation>不计为变化：边界抖动碎片 {jitter} 个，小于最小上图面积的碎片 {small} 个</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="215" />
      <source>Not run: the existing reports are kept.</source>
      <translation>未运行：已有的报告保持不变。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="397" />
      <source>Note</source>
      <translation>说明</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="20" />
      <source>Notes</source>
      <translation>提示</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="250" />
      <source>Notes:</source>
      <translation>说明：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="63" />
      <source>Nothing is lost: run the sync again.</source>
      <translation>数据不会丢失：请重新同步。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_details_html.py" line="33" />
      <source>Nothing on this parcel.</source>
      <translation>本宗地上无此类数据。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="49" />
      <source>Number of matches</source>
      <translation>结果数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="41" />
      <source>Only around the open field tasks, within (m; 0: the whole area)</source>
      <translation>只检出待核查任务周边（米；0：整个区域）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="91" />
      <source>Only parcels with red lights</source>
      <translation>只显示有红灯的宗地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="506" />
      <source>Only the {count} DLTB patches that {roles} reach were examined (the chosen categories cannot claim the others); the township reconciliation covers those patches.</source>
      <translation>只核查了 {roles} 所及的 {count} 个地类图斑（所选类别不可能涉及其余图斑）；乡镇核算只针对这些图斑。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="114" />
      <source>Open tasks</source>
      <translation>待核查任务数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="129" />
      <source>Open the field project</source>
      <translation>打开外业工程</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="125" />
      <source>Open the package's project (fieldwork.qgz in the folder), edit the layers in the field, save the edits.</source>
      <translation>打开外业包中的工程（文件夹中的 fieldwork.qgz），在现场编辑图层并保存。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="21" />
      <source>Opens every layer of a GeoPackage, recognises its role (DLTB, ZD, XZQ …), applies the role's style and saves a QGIS project with the roles recorded, ready for the LandOffice panels.</source>
      <translation>打开 GeoPackage 中的全部图层，识别其角色（地类图斑、宗地、行政区……），套用该角色的样式，并保存记录了图层角色的 QGIS 工程，供国土所工具各面板直接使用。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="38" />
      <source>Or: the extent of a polygon layer (any CRS)</source>
      <translation>或者：某个面图层的范围（任意坐标系）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="66" />
      <source>Output GeoPackage</source>
      <translation>输出 GeoPackage</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="116" />
      <source>Outputs</source>
      <translation>输出</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="110" />
      <source>Outputs:</source>
      <translation>输出：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="50" />
      <source>Overlap share threshold (0–1)</source>
      <translation>重叠比例阈值（0–1）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="90" />
      <source>Overlap share ≥</source>
      <translation>重叠比例 ≥</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="132" />
      <source>Overlaps parcel {code} by {area:.2f} m²</source>
      <translation>与宗地 {code} 重叠 {area:.2f} 平方米</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="34" />
      <source>Overlaps patch {value} by {detail} m²</source>
      <translation>与图斑 {value} 重叠 {detail} 平方米</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="108" />
      <source>Owner</source>
      <translation>权利人</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_lookup_audit.py" line="12" />
      <source>Owner-lookup log (查询留痕)</source>
      <translation>权利人查询留痕</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="363" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="55" />
      <source>PDF map</source>
      <translation>PDF 地图</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="466" />
      <source>PDF map written: {path} ({seconds} s)</source>
      <translation>PDF 地图已生成：{path}（{seconds} 秒）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="125" />
      <source>PDF maps</source>
      <translation>PDF 专题图</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="406" />
      <source>PDF maps written:</source>
      <translation>PDF 图集已生成：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="405" />
      <source>PDF maps: {path}</source>
      <translation>PDF 专题图：{path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="72" />
      <source>PDF paper</source>
      <translation>PDF 纸张</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="362" />
      <source>PDF report</source>
      <translation>PDF 报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="368" />
      <source>PDF report written:</source>
      <translation>PDF 报告已生成：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="180" />
      <source>PDF report: {path}</source>
      <translation>PDF 报告：{path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="138" />
      <source>PDF…</source>
      <translation>导出PDF…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="51" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="222" />
      <source>Parameter --{name} has no value.</source>
      <translation>参数 --{name} 缺少取值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="102" />
      <source>Parameters:</source>
      <translation>参数：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_details_html.py" line="22" />
      <source>Parcel</source>
      <translation>宗地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="108" />
      <source>Parcel code</source>
      <translation>宗地代码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="31" />
      <source>Parcel code {value} is not valid: {detail}</source>
      <translation>宗地代码 {value} 无效：{detail}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="47" />
      <source>Parcel codes (comma-separated)</source>
      <translation>宗地代码（逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/index.py" line="213" />
      <source>Parcel index built: {path} ({count} parcels)</source>
      <translation>宗地索引已建立：{path}（{count} 宗）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/index.py" line="229" />
      <source>Parcel index {path} is damaged; it will be rebuilt</source>
      <translation>宗地索引 {path} 已损坏，将重建</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="39" />
      <source>Parcel layer (ZD)</source>
      <translation>宗地图层（ZD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_lookup_audit.py" line="14" />
      <source>Parcel lookup</source>
      <translation>宗地查询</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="41" />
      <source>Parcel lookup (宗地查询)</source>
      <translation>宗地查询</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/parcel_report_pdf.py" line="225" />
      <source>Parcel maps in {crs}, scale 1:{low:,.0f} to 1:{high:,.0f}</source>
      <translation>宗地图坐标系 {crs}，比例尺 1:{low:,.0f} 至 1:{high:,.0f}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="26" />
      <source>Parcel report</source>
      <translation>宗地报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="132" />
      <source>Parcel report as Excel workbook</source>
      <translation>宗地报告（Excel）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="131" />
      <source>Parcel report as PDF</source>
      <translation>宗地报告（PDF）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_tools.py" line="134" />
      <source>Parcel search in the locator bar failed</source>
      <translation>定位栏中的宗地搜索失败</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/details.py" line="231" />
      <source>Parcel {fid} is no longer in layer {layer}: search again.</source>
      <translation>宗地 {fid} 已不在图层 {layer} 中：请重新查询。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="245" />
      <source>Parcel {label}, ring {ring}: the ring does not return to its first point {point}; it has been closed.</source>
      <translation>地块 {label} 第 {ring} 圈：未回到起点 {point}，已自动闭合。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="255" />
      <source>Parcel {label}: the header gives {stated} boundary points, the file lists {n}.</source>
      <translation>地块 {label}：地块信息行写有 {stated} 个界址点，文件中列出 {n} 个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="259" />
      <source>Parcel {label}: the header gives {stated} ha, the boundary encloses {area} ha (plane area).</source>
      <translation>地块 {label}：地块信息行面积为 {stated} 公顷，界址点围成 {area} 公顷（平面面积）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="31" />
      <source>Parcels (ZD)</source>
      <translation>宗地（ZD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_tools.py" line="99" />
      <source>Parcels (宗地)</source>
      <translation>宗地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/tiled.py" line="171" />
      <source>Part {part} of {parts} of the area (DLTB by its R-tree)</source>
      <translation>第 {part} 块，共 {parts} 块（按 DLTB 的 R 树分块）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="32" />
      <source>Permanent basic farmland (YJJBNTTB)</source>
      <translation>永久基本农田（YJJBNTTB）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="196" />
      <source>Photo attached to the task ({source}); it goes to the data centre with the next sync.</source>
      <translation>照片已添加到任务（{source}），下次同步时上传数据中心。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="144" />
      <source>Photo for the selected task…</source>
      <translation>为所选任务添加照片…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="188" />
      <source>Photo for the task</source>
      <translation>任务照片</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="35" />
      <source>Photo {value} is missing or was changed after it was attached (its SHA-256 no longer matches): put the original file back, or attach the photo again</source>
      <translation>照片 {value} 缺失或在添加后被修改（SHA-256 不再一致）：请放回原始文件，或重新添加照片</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="48" />
      <source>Pieces</source>
      <translation>图斑数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/pinyin.py" line="49" />
      <source>Pinyin search is off because the Python package pypinyin is not installed. Install it (pip install pypinyin==0.55.0) and restart QGIS to search owners by pinyin.</source>
      <translation>未安装 Python 包 pypinyin，拼音查询已关闭。请安装（pip install pypinyin==0.55.0）并重启 QGIS 后即可按拼音查询权利人。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_rural.py" line="62" />
      <source>Planting attribute {code} ({kind}); current use {landuse}</source>
      <translation>种植属性{code}（{kind}），现状{landuse}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_potential_land.py" line="69" />
      <source>Potential land</source>
      <translation>用地潜力</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="54" />
      <source>Potential-land analysis</source>
      <translation>用地潜力分析</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="304" />
      <source>Potential-land analysis failed: {error!r}</source>
      <translation>用地潜力分析失败：{error!r}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="128" />
      <source>Print now</source>
      <translation>立即打印</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="32" />
      <source>Print overview map</source>
      <translation>打印概览图</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="18" />
      <source>Print overview map…</source>
      <translation>打印概览图…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="158" />
      <source>Print template {path} could not be read: reinstall the plugin.</source>
      <translation>无法读取打印模板 {path}：请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="144" />
      <source>Print template {path} is missing: reinstall the plugin.</source>
      <translation>缺少打印模板 {path}：请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="129" />
      <source>Print the PDF maps of the last analysis</source>
      <translation>打印上次分析的 PDF 图集</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="397" />
      <source>Printing the PDF maps…</source>
      <translation>正在打印 PDF 地图…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="387" />
      <source>Printing the potential-land maps</source>
      <translation>正在打印用地潜力分布图</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="35" />
      <source>Prints a PDF overview map of a GeoPackage: land-use patches (DLTB) at the bottom, then permanent basic farmland, ecological red line, urban development boundary, village and township boundaries, each in the LandOffice style.</source>
      <translation>将 GeoPackage 打印为 PDF 概览图：地类图斑（DLTB）在最下层，其上依次为永久基本农田、生态保护红线、城镇开发边界、村级和乡镇界线，均使用 LandOffice 样式。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="14" />
      <source>Problems</source>
      <translation>问题</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="105" />
      <source>Problems ({count}):</source>
      <translation>问题（{count} 个）：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="26" />
      <source>Project CRS</source>
      <translation>工程坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="70" />
      <source>Project name</source>
      <translation>项目名称</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="292" />
      <source>Project property {scope}/{key} is not valid JSON; ignored</source>
      <translation>工程属性 {scope}/{key} 不是有效的 JSON，已忽略</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="228" />
      <source>Published {created} new tasks; {existing} were at the data centre already</source>
      <translation>已发布 {created} 个新任务；{existing} 个任务数据中心已有</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="28" />
      <source>QGIS project</source>
      <translation>QGIS 工程</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="29" />
      <source>QGIS project (*.qgz)</source>
      <translation>QGIS 工程 (*.qgz)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="145" />
      <source>Quality check</source>
      <translation>质检</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="40" />
      <source>Quality check (质检)</source>
      <translation>质检</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="40" />
      <source>Quality check and field tasks</source>
      <translation>质检与核查任务</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="52" />
      <source>Random seed</source>
      <translation>随机种子</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Rate</source>
      <translation>单价</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="242" />
      <source>Read {role}: {count} features</source>
      <translation>已读取 {role}：{count} 个要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="475" />
      <source>Reading the layers</source>
      <translation>正在读取图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="20" />
      <source>Reads the data centre's history of changes — for one feature (its id), or for a layer in an area (a 9-digit township code or an extent xmin,ymin,xmax,ymax in the storage CRS) — and writes it to an xlsx: when, which feature, insert/update/delete, version, account, changed fields and reason.</source>
      <translation>读取数据中心的变更记录——某一要素（按编号），或某图层在某范围内（9 位乡镇代码，或存储坐标系下的范围 xmin,ymin,xmax,ymax）——并写入 xlsx：时间、要素、新增/修改/删除、版本、账号、变更字段和事由。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="343" />
      <source>Reason</source>
      <translation>事由</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="51" />
      <source>Reason for full ID numbers (查询事由, logged; needed when not masked)</source>
      <translation>查看完整身份证号的查询事由（将记录在案；不脱敏时必填）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="343" />
      <source>Reason for seeing the full ID numbers (查询事由):</source>
      <translation>查看完整证件号的查询事由：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="137" />
      <source>Rebuild the search index (after the data were changed outside QGIS)</source>
      <translation>重建查询索引（在 QGIS 之外修改数据后）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="31" />
      <source>Received {pulled}, merged {merged}; sent: {created} created, {updated} updated, {deleted} deleted; {rejected} rejected by the server and merged again.</source>
      <translation>收到 {pulled} 条，合并 {merged} 条；发送：新增 {created}、修改 {updated}、删除 {deleted}；被服务器拒绝后重新合并 {rejected} 条。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_reclamation_cost.py" line="51" />
      <source>Reclaimed: {mu} mu; new cropland: {new} mu; cost per mu: {cost} yuan</source>
      <translation>复垦：{mu} 亩；新增耕地：{new} 亩；每亩成本：{cost} 元</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/categories.py" line="34" />
      <source>Reclamation potential (linkage)</source>
      <translation>增减挂钩复垦潜力</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="414" />
      <source>Reclamation potential found nothing because no village is marked for relocation or merger: list village codes in the panel or in the rules (linkage.village_codes), or classify the villages in the CZFL field of the village layer (CJDCQ).</source>
      <translation>增减挂钩复垦潜力无结果，因为没有标记搬迁撤并的村：请在面板或规则文件（linkage.village_codes）中填写村代码，或在村级调查区（CJDCQ）的村庄分类字段 CZFL 中标为“搬迁撤并类”。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="69" />
      <source>Recognise automatically</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="167" />
      <source>Record the result and who checked it before closing task {task}.</source>
      <translation>关闭任务 {task} 前请填写核查结果和核查人员。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="147" />
      <source>Recorded area {recorded:.2f} m² differs from the ellipsoidal area {area:.2f} m² by {diff:+.2f} % (tolerance {tol:g} %)</source>
      <translation>登记面积 {recorded:.2f} 平方米与椭球面积 {area:.2f} 平方米相差 {diff:+.2f} %（容差 {tol:g} %）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_details_html.py" line="24" />
      <source>Red lights</source>
      <translation>红灯（问题）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="163" />
      <source>Red lights (quality check)</source>
      <translation>红灯（质检）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="60" />
      <source>Red lights file</source>
      <translation>红灯文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="61" />
      <source>Red line</source>
      <translation>项目红线</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="44" />
      <source>Red line (polygons or closed polylines)</source>
      <translation>项目红线（面或闭合多段线）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="178" />
      <source>Red line {name}: {mu} mu.</source>
      <translation>红线 {name}：{mu} 亩。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="227" />
      <source>Red lines (*.gpkg *.shp *.dxf);;All files (*)</source>
      <translation>红线文件 (*.gpkg *.shp *.dxf);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="37" />
      <source>Red-light and clue layers</source>
      <translation>红灯和线索图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="39" />
      <source>Red-light severities to send (comma separated)</source>
      <translation>要发送的红灯严重程度（逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="226" />
      <source>Red-line file</source>
      <translation>红线文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="32" />
      <source>Refused by the data centre</source>
      <translation>数据中心拒收</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="65" />
      <source>Refused by the data centre, kept on this laptop: {collection} {fid}: {reason}. Correct the feature and sync again.</source>
      <translation>数据中心拒收，已保留在本机：{collection} {fid}：{reason}。请修正该要素后再次同步。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="104" />
      <source>Registering owners, households and buildings</source>
      <translation>正在登记权利人、户籍和房屋</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="180" />
      <source>Renaming the finished files</source>
      <translation>正在重命名已完成的文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="45" />
      <source>Replace a package already in the folder (it is kept as a dated copy)</source>
      <translation>替换文件夹中已有的外业包（旧包另存为带日期的副本）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="55" />
      <source>Report PDF</source>
      <translation>报告 PDF</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="57" />
      <source>Report workbook</source>
      <translation>报告工作簿</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_actions.py" line="90" />
      <source>Report written:</source>
      <translation>报告已生成：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="16" />
      <source>Required</source>
      <translation>必需</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="32" />
      <source>Required field {value} is empty</source>
      <translation>必填字段 {value} 为空</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="17" />
      <source>Resolved by</source>
      <translation>识别方式</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="129" />
      <source>Result layer</source>
      <translation>结果图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="11" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="11" />
      <source>Role name</source>
      <translation>角色名称</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="70" />
      <source>Role {role} in {path} has an unknown geometry '{geometry}'. Use one of: {kinds}.</source>
      <translation>{path} 中角色 {role} 的几何类型“{geometry}”无效。请使用以下之一：{kinds}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="30" />
      <source>Roles found</source>
      <translation>识别到的角色</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="45" />
      <source>Roles found (role ids, comma-separated)</source>
      <translation>已识别的图层角色（角色代码，逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="102" />
      <source>Roles found: {roles}</source>
      <translation>已识别的图层：{roles}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="46" />
      <source>Roles missing (role ids, comma-separated)</source>
      <translation>缺少的图层角色（角色代码，逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="103" />
      <source>Roles missing: {roles}</source>
      <translation>缺少的图层：{roles}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="60" />
      <source>Rule groups</source>
      <translation>规则组</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="97" />
      <source>Rules</source>
      <translation>规则</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="212" />
      <source>Rules (*.toml)</source>
      <translation>规则 (*.toml)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="102" />
      <source>Rules file</source>
      <translation>规则文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="101" />
      <source>Rules file (TOML; empty: shipped rules)</source>
      <translation>规则文件（TOML；留空则用默认规则）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/toml_text.py" line="120" />
      <source>Rules file {path} does not exist: choose an existing .toml file or leave the rules empty to use the shipped ones.</source>
      <translation>规则文件 {path} 不存在：请选择已有的 .toml 文件，或留空以使用随插件提供的规则。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/toml_text.py" line="125" />
      <source>Rules file {path} is not UTF-8 text: save it as UTF-8.</source>
      <translation>规则文件 {path} 不是 UTF-8 文本：请另存为 UTF-8 编码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/rules.py" line="78" />
      <source>Rules file {path} is not valid TOML: {reason}. Correct that line.</source>
      <translation>规则文件 {path} 不是有效的 TOML：{reason}。请改正该行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/rules.py" line="117" />
      <source>Rules file {path}, line {line}: '{key}' must be a table of numbers, e.g. {{ "1202" = 200.0 }}. Correct the value.</source>
      <translation>规则文件{path}第{line}行：“{key}”必须是数值表，例如 {{ "1202" = 200.0 }}。请改正该值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/toml_text.py" line="98" />
      <source>Rules file {path}, line {line}: '{key}' must be a {expected}, not {value}. Correct the value.</source>
      <translation>规则文件 {path} 第 {line} 行：“{key}”应为 {expected}，而不是 {value}。请改正该值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/rules.py" line="103" />
      <source>Rules file {path}, line {line}: data_date '{value}' is not a date; write it as YYYY-MM-DD.</source>
      <translation>规则文件 {path} 第 {line} 行：data_date“{value}”不是日期；请写成 YYYY-MM-DD。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/rules.py" line="123" />
      <source>Rules file {path}, line {line}: group '{value}' of {rule} is not one of {choices}.</source>
      <translation>规则文件{path}第{line}行：{rule}的规则组“{value}”不是{choices}之一。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/rules.py" line="127" />
      <source>Rules file {path}, line {line}: severity '{value}' of {rule} is not one of {choices}.</source>
      <translation>规则文件{path}第{line}行：{rule}的严重程度“{value}”不是{choices}之一。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/rules.py" line="136" />
      <source>Rules file {path}, line {line}: the {key} of {rule} has an unpaired brace ({reason}). Write placeholders as {{name}}.</source>
      <translation>规则文件{path}第{line}行：{rule}的{key}中有不成对的花括号（{reason}）。占位符请写成{{name}}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/rules.py" line="141" />
      <source>Rules file {path}, line {line}: the {key} of {rule} uses {{{name}}}, which the rule does not fill in. Its placeholders: {valid}.</source>
      <translation>规则文件{path}第{line}行：{rule}的{key}使用了{{{name}}}，该规则不会填写此占位符。可用占位符：{valid}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/rules.py" line="95" />
      <source>Rules file {path}, line {line}: unknown category '{value}' in precedence; use {choices}.</source>
      <translation>规则文件 {path} 第 {line} 行：precedence 中的类别“{value}”未知；可用的类别为 {choices}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/toml_text.py" line="93" />
      <source>Rules file {path}, line {line}: unknown key '{key}'. Remove it or check its spelling against the shipped rules.toml.</source>
      <translation>规则文件 {path} 第 {line} 行：未知的键“{key}”。请删除它，或对照随插件提供的 rules.toml 检查拼写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/rules.py" line="160" />
      <source>Rules file {path}, line {line}: unknown rule '{key}'. The rules are: {rules}.</source>
      <translation>规则文件{path}第{line}行：未知规则“{key}”。可用规则：{rules}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="100" />
      <source>Rules files (*.toml)</source>
      <translation>规则文件 (*.toml)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="285" />
      <source>Rules: {name} ({path})</source>
      <translation>规则：{name}（{path}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="94" />
      <source>Run 'python -m landoffice_plugin ALGORITHM --help' for its parameters.</source>
      <translation>运行 'python -m landoffice_plugin 算法名 --help' 查看其参数。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="139" />
      <source>Run analysis</source>
      <translation>开始分析</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="231" />
      <source>Run checks</source>
      <translation>检查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="37" />
      <source>Run the checks first</source>
      <translation>先运行检查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="63" />
      <source>Run the quality check</source>
      <translation>运行质检</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="186" />
      <source>Run the quality check first: the tasks are made from its red lights.</source>
      <translation>请先运行质检：核查任务由质检红灯生成。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="390" />
      <source>Running the checks…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="144" />
      <source>Running the quality check…</source>
      <translation>正在质检…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="228" />
      <source>Running…</source>
      <translation>正在分析…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="25" />
      <source>Runs the checks on the features edited in the field, then reads the data centre's changes, merges them field by field with the local edits and sends the local edits. A sync that was interrupted is simply run again. Conflicts (the same field changed on both sides): stop and list them, keep mine, or take theirs.</source>
      <translation>先检查外业修改过的要素，再读取数据中心的变化，与本地修改逐字段合并，然后提交本地修改。同步中断后重新运行即可。冲突（双方修改了同一字段）：停止并列出、保留我的或采用数据中心的。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="205" />
      <source>Sample county {scale} (seed {seed}) written to {path} in {seconds} s</source>
      <translation>示例县 {scale}（种子 {seed}）已写入 {path}，用时 {seconds} 秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/inspect_dialog.py" line="72" />
      <source>Save as Excel…</source>
      <translation>保存为 Excel…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/inspect_dialog.py" line="82" />
      <source>Save the data check</source>
      <translation>保存数据体检结果</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="72" />
      <source>Save the field mapping as a FIELD_MAP file (TOML) for the Processing algorithms and the command line</source>
      <translation>将字段映射保存为 FIELD_MAP 文件（TOML），供处理工具和命令行使用</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/parcel_lookup_actions.py" line="81" />
      <source>Save the parcel report</source>
      <translation>保存宗地报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="51" />
      <source>Scale</source>
      <translation>规模</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="51" />
      <source>Scenario A (yuan)</source>
      <translation>方案A（元）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="51" />
      <source>Scenario B (yuan)</source>
      <translation>方案B（元）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="130" />
      <source>Scenarios</source>
      <translation>方案比较</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/query.py" line="69" />
      <source>Search by parcel code (宗地代码, 19 characters, or any beginning of it), real-estate unit number (不动产单元号, 28), owner name (全名或部分, e.g. 张建国 or 建国), owner pinyin (zhangjianguo or zjg), address fragment (坐落, e.g. 湖塘村5组) or DLTB patch number (图斑编号).</source>
      <translation>可按以下内容查询：宗地代码（19 位，或其任意前几位）、不动产单元号（28 位）、权利人姓名（全名或部分，如 张建国 或 建国）、权利人拼音（zhangjianguo 或 zjg）、坐落片段（如 湖塘村5组）或地类图斑编号（图斑编号）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="53" />
      <source>Search index folder (empty: the QGIS profile)</source>
      <translation>查询索引文件夹（留空：QGIS 用户配置目录）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="26" />
      <source>Search parcels</source>
      <translation>宗地查询</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="36" />
      <source>Search text</source>
      <translation>查询内容</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="29" />
      <source>Searches the parcel layer (ZD) like the 宗地查询 panel: parcel code or any beginning of it, real-estate unit number, owner name (full or part), owner pinyin (zhangjianguo, zjg), address fragment. Writes the matches in rank order to a CSV file (UTF-8 with BOM, opens in Excel).</source>
      <translation>像“宗地查询”面板一样查询宗地图层（ZD）：宗地代码或其前几位、不动产单元号、权利人姓名（全名或部分）、权利人拼音（zhangjianguo、zjg）、坐落片段。按匹配程度排序输出到 CSV 文件（带 BOM 的 UTF-8，可用 Excel 打开）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="54" />
      <source>Second standard to compare with (optional)</source>
      <translation>用于比较的第二个补偿标准（可选）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_potential_land.py" line="132" />
      <source>Seconds: {stages}</source>
      <translation>用时（秒）：{stages}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="125" />
      <source>Select</source>
      <translation>选中</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="411" />
      <source>Select a problem still to fix in the list first.</source>
      <translation>请先在列表中选择一个待修改的问题。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="175" />
      <source>Select one task on the map first (layer 核查任务 RWTB of the field project).</source>
      <translation>请先在地图上选中一个任务（外业项目的“核查任务 RWTB”图层）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="125" />
      <source>Select the parcel in its layer</source>
      <translation>在图层中选中该宗地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="178" />
      <source>Several layers look like {role}: {layers}. {chosen} is imported as {role_id}, the others under their own names. Remove or rename the layers you do not want, or assign the role by hand.</source>
      <translation>有多个图层像是{role}：{layers}。{chosen} 将作为 {role_id} 导入，其余图层按原名导入。请删除或重命名不需要的图层，或手动指定图层角色。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="108" />
      <source>Several options: --NAME 0,5 or --NAME 0 --NAME 5; options by number or by name, in English or Chinese.</source>
      <translation>多个选项：--NAME 0,5 或 --NAME 0 --NAME 5；选项可用编号或名称（中文或英文）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="166" />
      <source>Shapefile {file} has no {part} file beside it. Copy all the files of the shapefile (.shp, .shx, .dbf, .prj, .cpg) into the same folder.</source>
      <translation>Shapefile 文件 {file} 旁缺少 {part} 文件。请把该 Shapefile 的全部文件（.shp、.shx、.dbf、.prj、.cpg）复制到同一文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="133" />
      <source>Show the full ID numbers of this parcel (needs a reason; logged)</source>
      <translation>显示该宗地的完整证件号（需填写事由，将记录在案）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/audit.py" line="98" />
      <source>Showing full ID numbers is switched off for this office: reports and the details show them masked. An administrator can allow it (setting landoffice/allow_unmask); every view is then logged with its reason.</source>
      <translation>本单位已关闭显示完整身份证号：报告和详情中身份证号均脱敏显示。管理员可开启（设置项 landoffice/allow_unmask）；开启后每次查看都会连同事由记录在案。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="75" />
      <source>Site</source>
      <translation>选址</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="54" />
      <source>Site (polygon layer)</source>
      <translation>选址范围（面图层）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="82" />
      <source>Site area (亩)</source>
      <translation>选址面积（亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="56" />
      <source>Site compliance check</source>
      <translation>选址合规性分析</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="42" />
      <source>Site compliance check (选址合规性分析): what a site holds in every layer — land use by the three legal categories and by class, cropland by slope grade and type, permanent basic farmland, the ecological red line, the urban development boundary zones and outside it, approvals and supply, parcels (owners masked), buildings and households, and each registered control layer (禁止/限制/提示) — in ellipsoidal 亩 and share of the site, with the verdicts of the rules file. The site is AREA (a polygon layer; its selected features when 'selected only' is ticked) or AREA_FILE (GeoPackage, shapefile, DXF, KML or a 界址点坐标 .txt exchange file). Writes an Excel report, a PDF (map with legend, tables, verdicts, boundary points) and a result layer (the site cut by each layer).</source>
      <translation>选址合规性分析：统计选址范围在各图层中的情况——按三大类和一级、二级地类的土地利用，按坡度级别和耕地类型的耕地，永久基本农田，生态保护红线，城镇开发边界各分区及边界外，批准用地和供地，宗地（权利人已脱敏）、房屋和户籍，以及登记的每个管控图层（禁止/限制/提示）——面积为椭球面积（亩）及占选址比例，并按规则文件给出结论。选址范围为 AREA（面图层；勾选“仅选中要素”时为其选中要素）或 AREA_FILE（GeoPackage、shapefile、DXF、KML 或界址点坐标 .txt 交换文件）。输出 Excel 报告、PDF（带图例的地图、统计表、结论、界址点坐标）和结果图层（选址与各图层的交集）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="80" />
      <source>Site cut by each layer</source>
      <translation>选址与各图层的交集</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="198" />
      <source>Site file</source>
      <translation>选址文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="56" />
      <source>Site file (GeoPackage, shapefile, DXF, KML or 界址点坐标 .txt)</source>
      <translation>选址文件（GeoPackage、shapefile、DXF、KML 或界址点坐标 .txt）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="61" />
      <source>Site name</source>
      <translation>选址名称</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="169" />
      <source>Site {name}: {mu} mu.</source>
      <translation>选址 {name}：{mu} 亩。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="212" />
      <source>Site-check rules</source>
      <translation>选址分析规则</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="70" />
      <source>Site-check rules (TOML; empty: shipped rules)</source>
      <translation>选址分析规则（TOML；留空：内置规则）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/rules.py" line="131" />
      <source>Site-check rules {path} are not UTF-8 text: save them as UTF-8.</source>
      <translation>选址分析规则文件 {path} 不是 UTF-8 文本：请另存为 UTF-8。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/rules.py" line="73" />
      <source>Site-check rules {path} are not valid TOML: {reason}. Correct that line.</source>
      <translation>选址分析规则文件 {path} 不是有效的 TOML：{reason}。请改正该行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/rules.py" line="126" />
      <source>Site-check rules {path} do not exist: choose an existing .toml file or leave RULES empty to use the shipped ones.</source>
      <translation>选址分析规则文件 {path} 不存在：请选择一个已有的 .toml 文件，或将 RULES 留空以使用内置规则。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/rules.py" line="87" />
      <source>Site-check rules {path}, line {line}: the rule of control layer '{layer}' must be "禁止" (forbidden), "限制" (limited) or "提示" (notice), not {value}.</source>
      <translation>选址分析规则文件 {path} 第 {line} 行：管控图层“{layer}”的管控要求应为 "禁止"、"限制" 或 "提示"，而不是 {value}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/rules.py" line="93" />
      <source>Site-check rules {path}, line {line}: unknown section [{key}]. The sections are: {sections}.</source>
      <translation>选址分析规则文件 {path} 第 {line} 行：未知的节 [{key}]。可用的节为：{sections}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/rules.py" line="109" />
      <source>Site-check rules {path}: rule [{rule}] lacks {keys}. Add them (see the shipped sitecheck/rules.toml).</source>
      <translation>选址分析规则文件 {path}：规则 [{rule}] 缺少 {keys}。请补上（参见内置的 sitecheck/rules.toml）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="198" />
      <source>Sites (*.gpkg *.shp *.dxf *.kml *.txt);;All files (*)</source>
      <translation>选址范围 (*.gpkg *.shp *.dxf *.kml *.txt);;所有文件 (*)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="33" />
      <source>Source</source>
      <translation>依据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="86" />
      <source>Source: {path}</source>
      <translation>数据来源：{path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="15" />
      <source>Standard field</source>
      <translation>标准字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="250" />
      <source>Standard template</source>
      <translation>补偿标准模板</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="205" />
      <source>Standard {source} is not a JSON object: start from the shipped example.</source>
      <translation>补偿标准 {source} 不是 JSON 对象：请以随插件提供的示例为基础修改。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="155" />
      <source>Standard {source}: the item {key} is missing. Every standard needs land price, crops, houses, condition, moving, transition, social security, attachments, reclamation and contingency.</source>
      <translation>补偿标准 {source}：缺少项目 {key}。每个标准都须包含区片地价、青苗、房屋、成新率、搬迁、过渡、社会保障、附属物、复垦和不可预见费。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="197" />
      <source>Standard {source}: {where} is '{value}', not a date. Write it as YYYY-MM-DD.</source>
      <translation>补偿标准 {source}：{where} 为“{value}”，不是日期。请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="184" />
      <source>Standard {source}: {where} is missing or empty. Add the rates and load the standard again.</source>
      <translation>补偿标准 {source}：{where} 缺失或为空。请补充费率后重新载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="168" />
      <source>Standard {source}: {where} is missing. Add it and load the standard again.</source>
      <translation>补偿标准 {source}：缺少 {where}。请补充后重新载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="208" />
      <source>Standard {source}: {where} is missing. Every standard names its county, year, document number and effective date.</source>
      <translation>补偿标准 {source}：缺少 {where}。每个标准都须写明县、年份、文号和生效日期。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="176" />
      <source>Standard {source}: {where} is {value} but must lie between 0 and {top}. Correct it and load the standard again.</source>
      <translation>补偿标准 {source}：{where} 为 {value}，必须在0到{top}之间。请更正后重新载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="147" />
      <source>Standard {source}: {where} is {value}; rates cannot be negative. Correct it and load the standard again.</source>
      <translation>补偿标准 {source}：{where} 为 {value}；费率不能为负数。请更正后重新载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="139" />
      <source>Standard {source}: {where} must be a number. Enter the rate as a plain number and load the standard again.</source>
      <translation>补偿标准 {source}：{where} 必须是数字。请填写纯数字后重新载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="231" />
      <source>Standard {source}: {where}: '{code}' is not a structure code (FWJG 1–6). Correct the code.</source>
      <translation>补偿标准 {source}：{where}：“{code}”不是房屋结构代码（FWJG 1–6）。请更正。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard_xlsx.py" line="153" />
      <source>Standard {source}: {where}: '{kind}' is not a known item. Choose the item from the drop-down list of the template.</source>
      <translation>补偿标准 {source}：{where}：“{kind}”不是已知的项目。请从模板的下拉列表中选择。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard_xlsx.py" line="173" />
      <source>Standard {source}: {where}: '{value}' is not a non-negative number. Enter the rate as a plain number.</source>
      <translation>补偿标准 {source}：{where}：“{value}”不是非负数。请填写纯数字。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="283" />
      <source>Standard {source}: {where}: the age bands must be in ascending order of max_age. Sort them.</source>
      <translation>补偿标准 {source}：{where}：成新率房龄档须按房龄上限升序排列。请重新排序。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="224" />
      <source>Standard {source}: {where}: the default grade {grade} has no price. Use one of the grades {grades}.</source>
      <translation>补偿标准 {source}：{where}：默认等级 {grade} 没有地价。请使用以下等级之一：{grades}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard_xlsx.py" line="162" />
      <source>Standard {source}: {where}: the item {kind} needs a code ({meaning}). Fill in the code.</source>
      <translation>补偿标准 {source}：{where}：项目 {kind} 需要填写代码（{meaning}）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="160" />
      <source>Standard {source}: {where}: the unit is '{unit}' but {key} must be given in '{expected}'. Convert the rates and correct the unit.</source>
      <translation>补偿标准 {source}：{where}：单位为“{unit}”，但 {key} 的单位必须是“{expected}”。请换算费率并更正单位。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="218" />
      <source>Standard {source}: {where}: village {village} is given grade {grade}, which has no price. Use one of the grades {grades}.</source>
      <translation>补偿标准 {source}：{where}：村 {village} 的等级 {grade} 没有地价。请使用以下等级之一：{grades}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="242" />
      <source>Standards (*.json *.xlsx)</source>
      <translation>补偿标准 (*.json *.xlsx)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="55" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="32" />
      <source>Stop and let me decide</source>
      <translation>停止，由我决定</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/styles.py" line="26" />
      <source>Style {style} could not be applied to layer {layer}: {message}</source>
      <translation>样式 {style} 无法应用于图层 {layer}：{message}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="42" />
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_supply.py" line="53" />
      <source>Supplied but unused: contracted start {date} is past and the survey shows no construction</source>
      <translation>供而未用：约定开工日期{date}已过，现状调查仍为非建设用地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="40" />
      <source>Survey data</source>
      <translation>调查数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="38" />
      <source>Survey data (.gdb folder, .gpkg, .shp or a folder of shapefiles)</source>
      <translation>调查数据（.gdb 文件夹、.gpkg、.shp 或 Shapefile 文件夹）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="72" />
      <source>Suspected unlawful use</source>
      <translation>疑似违法用地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="243" />
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="447" />
      <source>Sync finished: {created} created, {updated} updated, {deleted} deleted, {pulled} received, {conflicts} conflicts.</source>
      <translation>同步完成：新增 {created}，修改 {updated}，删除 {deleted}，接收 {pulled}，冲突 {conflicts}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_sync.py" line="22" />
      <source>Synchronise a field package</source>
      <translation>同步外业数据包</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="452" />
      <source>Synchronising…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="13" />
      <source>Table shape</source>
      <translation>表结构</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="77" />
      <source>Take the field names and value tables of a FIELD_MAP file (TOML) for the layers chosen above</source>
      <translation>对上面所选图层，采用字段映射文件 FIELD_MAP（TOML）中的字段名和取值对应表</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="33" />
      <source>Take theirs</source>
      <translation>采用数据中心的</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="42" />
      <source>Target CRS (empty: the most common CGCS2000 CRS of the source)</source>
      <translation>目标坐标系（留空：采用数据中最常用的 CGCS2000 坐标系）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="146" />
      <source>Task report</source>
      <translation>任务报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="112" />
      <source>Task report PDF</source>
      <translation>任务报告 PDF</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="225" />
      <source>Task report written: {xlsx} and {pdf}</source>
      <translation>任务报告已生成：{xlsx} 和 {pdf}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="110" />
      <source>Task workbook</source>
      <translation>任务工作簿</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="96" />
      <source>Task {task} is not in this field package: pick a task of the package's RWTB layer.</source>
      <translation>任务 {task} 不在此外业数据包中：请从数据包的 RWTB 图层中选择任务。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="37" />
      <source>Task {value} is marked {detail} without a result or an inspector: record both</source>
      <translation>任务 {value} 已标为{detail}，但没有核查结果或核查人员：请填写两者</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="137" />
      <source>Tasks</source>
      <translation>任务数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="46" />
      <source>Tasks published</source>
      <translation>已发布任务数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="82" />
      <source>Template…</source>
      <translation>模板…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="106" />
      <source>Test connection</source>
      <translation>测试连接</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="353" />
      <source>Testing the connection…</source>
      <translation>正在测试连接…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="334" />
      <source>Text files (*.txt)</source>
      <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="46" />
      <source>The ID check digit needs exactly 17 digits (the ID number without its last character), got {count} characters. Pass the first 17 digits.</source>
      <translation>计算身份证校验码需要恰好 17 位数字（身份证号去掉最后一位），实际为 {count} 位。请提供前 17 位数字。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/dependencies.py" line="50" />
      <source>The Python package '{module}' is missing. Install it (OSGeo4W Shell: python -m pip install {module}; Debian/Ubuntu: sudo apt-get install python3-{module}) and restart QGIS.</source>
      <translation>缺少 Python 软件包“{module}”。请安装（OSGeo4W Shell：python -m pip install {module}；Debian/Ubuntu：sudo apt-get install python3-{module}）后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/dependencies.py" line="59" />
      <source>The Python package '{module}' is version {version}; LandOffice needs {minimum} or newer. Upgrade it and restart QGIS.</source>
      <translation>Python 软件包“{module}”的版本为 {version}，国土所工具需要 {minimum} 或更高版本。请升级后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="85" />
      <source>The QGIS authentication database is locked: its master password was not given. In QGIS, enter it when asked; for a command-line run, put it in a file readable only by you and set the environment variable QGIS_AUTH_PASSWORD_FILE to that file's path (and QGIS_AUTH_DB_DIR_PATH to the folder of qgis-auth.db if it is not in the default profile).</source>
      <translation>QGIS 认证数据库已锁定：未提供主密码。在 QGIS 中请按提示输入；命令行运行时，请把主密码写入仅本人可读的文件，并将环境变量 QGIS_AUTH_PASSWORD_FILE 设为该文件路径（若 qgis-auth.db 不在默认配置目录，再将 QGIS_AUTH_DB_DIR_PATH 设为其所在文件夹）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="197" />
      <source>The address {url} did not answer with JSON: check that it is an OGC API - Features service.</source>
      <translation>地址 {url} 没有返回 JSON：请确认它是 OGC API - Features 服务。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="275" />
      <source>The address {url} is not a web address: it starts with https:// (or http://), e.g. https://datacentre.example/ogcapi.</source>
      <translation>地址 {url} 不是网址：网址以 https://（或 http://）开头，例如 https://datacentre.example/ogcapi。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="267" />
      <source>The analysis was cancelled.</source>
      <translation>分析已取消。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="188" />
      <source>The area holds no open field task (待核查): there is nothing to check out around. Check out the whole area instead, or publish tasks first (landoffice:fieldtasks).</source>
      <translation>该区域没有待核查的任务：无法围绕任务检出。请改为检出整个区域，或先发布任务（landoffice:fieldtasks）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/area.py" line="57" />
      <source>The area {area} is neither a 9-digit township code nor an extent xmin,ymin,xmax,ymax in EPSG:{epsg}: give one of the two.</source>
      <translation>范围 {area} 既不是9位乡镇代码，也不是 EPSG:{epsg} 下的 xmin,ymin,xmax,ymax：请给出其中一种。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="569" />
      <source>The atlas coverage layer has no features: choose a layer with one feature per page.</source>
      <translation>图集覆盖图层没有要素：请选择每页对应一个要素的图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="90" />
      <source>The authentication configuration {authcfg} was not found in QGIS: choose another one under Settings &gt; Options &gt; Authentication.</source>
      <translation>QGIS 中找不到认证配置 {authcfg}：请在 设置 &gt; 选项 &gt; 认证 中另选一个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="97" />
      <source>The authentication method {method} is not supported for the data centre: use Basic (user name and password) or API header.</source>
      <translation>数据中心不支持认证方式 {method}：请使用 Basic（用户名和密码）或 API 请求头。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="238" />
      <source>The base copy of {collection} could not be written completely: nothing was checked out. Check the free disk space and check out again.</source>
      <translation>{collection} 的基准副本未能完整写入：未检出任何数据。请检查磁盘剩余空间后重新检出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync.py" line="153" />
      <source>The base copy of {collection} in the field package is empty although it held {count} features: the package is damaged. Nothing was sent. Keep the folder and ask the data centre's administrator; do not check out over it.</source>
      <translation>外业包中 {collection} 的基准副本为空（原有 {count} 个要素）：外业包已损坏。未发送任何内容。请保留该文件夹并联系数据中心管理员；不要在其上重新检出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="143" />
      <source>The checkout stopped: the data centre did not answer properly ({detail}). No field package was written and nothing changed on the data centre: check the network connection or ask the data centre's administrator, then check out again.</source>
      <translation>检出已中止：数据中心未能正常响应（{detail}）。未写入外业包，数据中心也未做任何更改：请检查网络连接或联系数据中心管理员，然后重新检出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="223" />
      <source>The checkout was cancelled; nothing was written: run it again.</source>
      <translation>检出已取消，未写入任何内容：请重新运行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="81" />
      <source>The columns of a table have different lengths ({lengths}): give every column a value for each row.</source>
      <translation>表格各列的长度不同（{lengths}）：请为每一行的每一列都给出值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="122" />
      <source>The compensation standard {path} does not exist: choose an existing .json or .xlsx standard.</source>
      <translation>补偿标准 {path} 不存在：请选择已有的 .json 或 .xlsx 标准文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard.py" line="132" />
      <source>The compensation standard {path} is not valid JSON ({error}): correct the file or fill the xlsx template instead.</source>
      <translation>补偿标准 {path} 不是有效的 JSON（{error}）：请更正文件，或改用 xlsx 模板填写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/pull.py" line="91" />
      <source>The data centre answered that {count} features of {collection} do not exist (for example {fid}) but has no record of deleting them: it is probably failing (its database may be down). Nothing was changed on this laptop and nothing is lost: sync again later, or tell the data centre's administrator.</source>
      <translation>数据中心答复 {collection} 中有 {count} 个要素不存在（例如 {fid}），但没有删除记录：数据中心可能出现故障（数据库可能已停止）。本机未做任何更改，成果不会丢失：请稍后再同步，或告知数据中心管理员。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="206" />
      <source>The data centre at {url} cannot be reached ({reason}): check the address and the network.</source>
      <translation>无法连接位于 {url} 的数据中心（{reason}）：请检查地址和网络。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="223" />
      <source>The data centre at {url} does not accept edits (no OGC API - Features Part 4 create-replace-delete): ask its administrator to make the collections editable.</source>
      <translation>位于 {url} 的数据中心不接受修改（不支持 OGC API - Features 第4部分 create-replace-delete）：请联系管理员将数据集设为可编辑。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/publish.py" line="30" />
      <source>The data centre at {url} has no field-task collection RWTB: ask its administrator to add it (see .ci/datacentre/schema.sql), or write the tasks to a file only.</source>
      <translation>{url} 的数据中心没有核查任务数据集 RWTB：请管理员添加（见 .ci/datacentre/schema.sql），或只把任务写入文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/history.py" line="30" />
      <source>The data centre at {url} keeps no history of changes (no HISTORY collection): ask its administrator to enable it.</source>
      <translation>数据中心 {url} 未保存变更记录（没有 HISTORY 数据集）：请联系其管理员启用。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="117" />
      <source>The data centre did not answer properly ({detail}). Nothing is lost: what was sent is recorded and the next sync sends the rest. Check the network connection or ask the data centre's administrator, then sync again.</source>
      <translation>数据中心未能正常响应（{detail}）。数据不会丢失：已发送的内容均有记录，下次同步会发送其余部分。请检查网络连接或联系数据中心管理员，然后重新同步。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="52" />
      <source>The data centre does not let this account read that: {reason}. Choose an area of your own township, or ask the data centre's administrator for access.</source>
      <translation>数据中心不允许该账号读取此范围：{reason}。请选择本乡镇的范围，或向数据中心管理员申请权限。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="207" />
      <source>The data centre has no collection {missing} (it has: {available}): choose the collections to check out among these.</source>
      <translation>数据中心没有数据集 {missing}（现有：{available}）：请从中选择要检出的数据集。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/history.py" line="58" />
      <source>The data centre has no recorded change for this selection: check the area, the layer or the feature id.</source>
      <translation>数据中心没有该选择的变更记录：请检查范围、图层或要素编号。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="178" />
      <source>The data centre refused the login (HTTP {status}) at {url}: check the user name and password or API key of the authentication configuration.</source>
      <translation>数据中心 {url} 拒绝登录（HTTP {status}）：请检查认证配置中的用户名和密码或 API 密钥。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/client.py" line="166" />
      <source>The data centre's TLS certificate could not be verified ({url}). If it uses your office's own certificate authority, add that CA in QGIS (Settings &gt; Options &gt; Authentication &gt; Certificate Manager &gt; Authorities) and try again; otherwise ask the administrator for a valid certificate.</source>
      <translation>无法验证数据中心的 TLS 证书（{url}）。如果数据中心使用本单位自己的证书颁发机构，请在 QGIS 中添加该 CA（设置 &gt; 选项 &gt; 认证 &gt; 证书管理器 &gt; 颁发机构）后重试；否则请联系管理员提供有效证书。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="340" />
      <source>The data file {path} cannot be read ({error}). Reinstall the plugin or correct the file.</source>
      <translation>无法读取数据文件 {path}（{error}）。请重新安装插件或修正该文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="72" />
      <source>The estimate was cancelled.</source>
      <translation>测算已取消。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="473" />
      <source>The export was cancelled; no PDF was written.</source>
      <translation>导出已取消，未生成 PDF 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="277" />
      <source>The field map names the field '{field}' for {role}.{standard} ({meaning}), but layer '{layer}' has no such field. The layer's fields: {fields}. Correct the field map.</source>
      <translation>字段对应文件为 {role}.{standard}（{meaning}）指定了字段“{field}”，但图层“{layer}”没有该字段。该图层的字段：{fields}。请改正字段对应文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/fields.py" line="518" />
      <source>The field map's values for {role}.{standard} ({keys}) match none of the values of the {role_name} layer '{layer}' (field {field}): it has {values}. Write the layer's own values on the left of [{role}.values.{standard}], e.g. "{example}" = "&lt;standard code&gt;".</source>
      <translation>字段对应文件中 {role}.{standard} 的取值对应（{keys}）与{role_name}图层“{layer}”（字段 {field}）的取值无一相符：该图层的取值为 {values}。请在 [{role}.values.{standard}] 的左侧写图层自己的取值，例如 "{example}" = "&lt;标准代码&gt;"。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="123" />
      <source>The field package in {folder} holds no field task: check out a township that has tasks (landoffice:fieldtasks publishes them).</source>
      <translation>{folder} 中的外业数据包没有核查任务：请检出有任务的乡镇（任务由 landoffice:fieldtasks 发布）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/package.py" line="161" />
      <source>The field package {path} has no layer {layer}: it is damaged or was made by another program. Keep it and ask the data centre's administrator.</source>
      <translation>外业包 {path} 中没有图层 {layer}：外业包已损坏或由其他程序生成。请保留该文件并联系数据中心管理员。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="72" />
      <source>The field package {path} is open in QGIS (or another program), so it cannot be replaced: close the project or remove its layers, then check out again. Nothing was changed.</source>
      <translation>外业包 {path} 正在 QGIS（或其他程序）中打开，无法替换：请关闭该工程或移除其图层，然后重新检出。未做任何更改。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="104" />
      <source>The field tasks of a field package: progress per township (open / checked / fixed) and every task with its result, inspector, date and photos, as xlsx and as a PDF with a page per task and its photos.</source>
      <translation>外业数据包中的核查任务：各乡镇进度（待核查／已核查／已整改）以及每个任务的核查结果、核查人员、日期和照片，输出为 xlsx，以及每个任务一页并附照片的 PDF。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="76" />
      <source>The land-use code list {path} lacks the column(s) {columns}. Its header row must be: code,name,parent,level,legal_category,system,note.</source>
      <translation>地类编码表 {path} 缺少列：{columns}。表头行必须为：code,name,parent,level,legal_category,system,note。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="486" />
      <source>The land-use patch layer (DLTB) '{layer}' has no patches with an area ({dropped} features without geometry or area): every category needs them. Choose the layer that holds the patches.</source>
      <translation>地类图斑图层（DLTB）“{layer}”中没有带面积的图斑（{dropped} 个要素无几何或面积为零），而每个潜力类别都需要图斑。请选择存放地类图斑的图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="139" />
      <source>The land-use patch layer (DLTB) is missing: choose it (or a GeoPackage with it); the site check measures the land use of the site from it.</source>
      <translation>缺少地类图斑图层（DLTB）：请选择该图层（或包含它的 GeoPackage）；选址分析据此统计选址范围内的土地利用。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="179" />
      <source>The land-use patch layer (DLTB) is missing: choose it; the site check measures the land use of the site from it.</source>
      <translation>缺少地类图斑图层（DLTB）：请选择该图层；选址分析据此统计选址范围内的土地利用。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="470" />
      <source>The land-use patch layer (DLTB) is missing: every potential-land category needs it. Choose the DLTB layer.</source>
      <translation>缺少地类图斑图层（DLTB）：所有潜力类别都需要它。请选择 DLTB 图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="122" />
      <source>The land-use patch layer (DLTB) is missing: every quality rule needs it. Choose the DLTB layer.</source>
      <translation>缺少地类图斑图层（DLTB）：所有质检规则都需要它。请选择DLTB图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="94" />
      <source>The land-use patches (DLTB) have no land-use code field (DLBM 地类编码): they are drawn without classes. Add or map the field DLBM to colour them by class.</source>
      <translation>地类图斑（DLTB）没有地类编码字段（DLBM 地类编码），图斑将不分类绘制。请添加 DLBM 字段或在字段对应中指定，以便按地类着色。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="262" />
      <source>The layer chosen for {role} cannot be read. Check that its file exists and choose the layer again.</source>
      <translation>为{role}选择的图层无法读取。请检查其文件是否存在，然后重新选择图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/cost_common.py" line="63" />
      <source>The layer for {role} is missing: choose it.</source>
      <translation>缺少 {role} 图层：请选择。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/model.py" line="105" />
      <source>The layer is neither a red-light layer (landoffice:qualitycheck: fields rule, message) nor a clue layer (landoffice:landusechange: fields from_code, to_code, evidence): give one of those outputs.</source>
      <translation>该图层既不是红灯图层（landoffice:qualitycheck：字段 rule、message），也不是线索图层（landoffice:landusechange：字段 from_code、to_code、evidence）：请提供这两种输出之一。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/loading.py" line="191" />
      <source>The layer {layer} could not be read part by part: give it as a GeoPackage layer in the working CRS.</source>
      <translation>无法分块读取图层 {layer}：请提供工作坐标系下的 GeoPackage 图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/tiling.py" line="102" />
      <source>The layer {layer} could not be written to {path}: {error}</source>
      <translation>图层 {layer} 无法写入 {path}：{error}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="69" />
      <source>The layers hold no problem to send to the field (no red light of the severities {severities}, no clue): nothing was written. Check the layers, or the severities.</source>
      <translation>图层中没有需要外业核查的问题（没有严重程度为 {severities} 的红灯，也没有线索）：未写出任何任务。请检查图层或严重程度设置。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="174" />
      <source>The layers to print are empty, so there is no map extent: give an extent or add features to the layers.</source>
      <translation>要打印的图层没有要素，无法确定地图范围：请指定制图范围，或先在图层中添加要素。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="321" />
      <source>The new GeoPackage {file} cannot be reopened to finish the import. Check the free disk space, then run the import again.</source>
      <translation>无法重新打开新建的 GeoPackage 文件 {file} 以完成导入。请检查磁盘剩余空间，然后重新导入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/dependencies.py" line="39" />
      <source>The optional Python package '{module}' is missing: pinyin search of owner names is off. Install it (python -m pip install {module}) and restart QGIS to turn it on.</source>
      <translation>缺少可选的 Python 软件包“{module}”：权利人拼音检索已关闭。安装后（python -m pip install {module}）重启 QGIS 即可启用。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="164" />
      <source>The output folder {folder} does not exist. Create it or choose another folder.</source>
      <translation>输出文件夹 {folder} 不存在。请先创建该文件夹或选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_landuse_change.py" line="91" />
      <source>The output layer could not be created: choose another output file.</source>
      <translation>无法创建输出图层：请选择其他输出文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="359" />
      <source>The output {output} must be a GeoPackage file. Choose a file name ending in .gpkg.</source>
      <translation>输出文件 {output} 必须是 GeoPackage 文件。请选择以 .gpkg 结尾的文件名。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="64" />
      <source>The overlap threshold {value} must lie above 0 and at most 1 (e.g. 0.5 for half of the parcel).</source>
      <translation>重叠比例阈值 {value} 必须大于0且不超过1（例如0.5表示宗地面积的一半）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checks.py" line="207" />
      <source>The overrides file {path} cannot be read ({error}): give a UTF-8 CSV file with the columns collection, fid, check, reason.</source>
      <translation>无法读取问题确认文件 {path}（{error}）：请提供 UTF-8 编码的 CSV 文件，列为 collection、fid、check、reason。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/audit.py" line="112" />
      <source>The owner-lookup log is empty: no owner search or unmasking has been recorded on this computer yet.</source>
      <translation>权利人查询留痕为空：本机尚无权利人查询或查看完整身份证号的记录。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="124" />
      <source>The parcel code {code} is used by more than one parcel</source>
      <translation>宗地代码 {code} 被多宗地重复使用</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="100" />
      <source>The photo {path} does not exist: choose the JPEG file again.</source>
      <translation>照片 {path} 不存在：请重新选择 JPEG 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="108" />
      <source>The photo {path} has no GPS position in its EXIF: enter where it was taken (click the map, or give the coordinates).</source>
      <translation>照片 {path} 的 EXIF 中没有 GPS 位置：请录入拍摄位置（在地图上点击，或填写坐标）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="113" />
      <source>The photo {path} has no time in its EXIF: enter when it was taken.</source>
      <translation>照片 {path} 的 EXIF 中没有拍摄时间：请录入拍摄时间。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/population.py" line="43" />
      <source>The population table {layer} has neither a name per person (XM 姓名) nor a person count per household (JTRKS 家庭人口数). Map one of them in the field mapping of 户籍（人口）.</source>
      <translation>人口表 {layer} 既没有每人一行的姓名（XM 姓名），也没有每户一行的家庭人口数（JTRKS 家庭人口数）。请在“户籍（人口）”的字段对应中指定其中之一。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="99" />
      <source>The potential-land analysis was cancelled; nothing was written.</source>
      <translation>用地潜力分析已取消，未写出任何结果。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="237" />
      <source>The print template has no map item with id 'map': reinstall the plugin.</source>
      <translation>打印模板中没有 id 为 'map' 的地图项：请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="126" />
      <source>The real-estate unit number does not start with the parcel code</source>
      <translation>不动产单元号的前 19 位与宗地代码不一致</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="195" />
      <source>The red lights hold no problem to send to the field (skipped: {skipped}).</source>
      <translation>红灯中没有需要外业核查的问题（未采用：{skipped}）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="123" />
      <source>The red line covers no land-use patch (DLTB): check that it lies on the data.</source>
      <translation>红线内没有地类图斑（DLTB）：请检查红线是否位于数据范围内。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="78" />
      <source>The red line {name} encloses no area (it collapses to a line or a point): draw it again with at least three distinct corners.</source>
      <translation>红线 {name} 没有面积（退化为线或点）：请重新绘制，至少三个不同的拐点。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="64" />
      <source>The red line {name} has no polygon: draw a closed area, select a polygon feature, or give a file with polygons or closed polylines.</source>
      <translation>红线 {name} 中没有面：请绘制闭合区域、选择面要素，或提供含面或闭合多段线的文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="125" />
      <source>The red-line file {path} has no coordinate system: open it in a project with the data's CRS (DXF files carry none).</source>
      <translation>红线文件 {path} 没有坐标系：请在与数据坐标系相同的工程中打开（DXF 文件不带坐标系）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="92" />
      <source>The red-line layer cannot be read: choose a polygon layer or file.</source>
      <translation>无法读取红线图层：请选择面图层或文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_potential_land.py" line="178" />
      <source>The result layer could not be opened for the PDF maps: write OUTPUT to a file or a temporary layer.</source>
      <translation>无法打开结果图层以输出 PDF 专题图：请将 OUTPUT 写入文件或临时图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/result_layer.py" line="133" />
      <source>The result layer could not be written to {path} ({error}): choose a folder you can write to.</source>
      <translation>无法将结果图层写入 {path}（{error}）：请选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/next_year.py" line="75" />
      <source>The sample has only {count} patches for the '{kind}' change, {wanted} wanted.</source>
      <translation>样例中只有{count}个图斑可用于“{kind}”变化，需要{wanted}个。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/next_year.py" line="29" />
      <source>The sample {path} has no readable layer {layer}: generate the sample county first.</source>
      <translation>样例数据{path}中没有可读的图层{layer}：请先生成样例县。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="165" />
      <source>The sex cannot be read from ID number {masked}: position 17 of an 18-character ID must be a digit. Check the number.</source>
      <translation>无法从身份证号 {masked} 读出性别：18 位身份证号的第 17 位必须是数字。请核对号码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="168" />
      <source>The site '{site}' (centre E {x}, N {y} in {crs}) lies outside every {what} of layer '{layer}' (its data cover E {x0}–{x1}, N {y0}–{y1}).{hint} Check the site's position and coordinate system, or choose the layers of the county it lies in.</source>
      <translation>选址“{site}”（中心 E {x}、N {y}，{crs}）不在图层“{layer}”的任何{what}内（该图层数据范围 E {x0}–{x1}、N {y0}–{y1}）。{hint}请检查选址位置和坐标系，或选择选址所在县的图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="401" />
      <source>The site check was cancelled.</source>
      <translation>选址分析已取消。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="113" />
      <source>The site layer has no feature with a geometry (or none is selected): draw or select the site first.</source>
      <translation>选址图层没有带几何的要素（或未选中任何要素）：请先绘制或选中选址范围。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/site.py" line="70" />
      <source>The site {name} has no coordinate reference system: set the project's CRS (e.g. EPSG:4549) or the layer's, then give the site again.</source>
      <translation>选址范围 {name} 没有坐标参考系：请设置项目（如 EPSG:4549）或图层的坐标参考系，然后重新给出选址范围。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard_xlsx.py" line="129" />
      <source>The standard {path} cannot be read as an xlsx workbook ({error}). Save it as .xlsx from Excel or WPS and try again.</source>
      <translation>无法将补偿标准 {path} 作为 xlsx 工作簿读取（{error}）。请用 Excel 或 WPS 另存为 .xlsx 后重试。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/standard_xlsx.py" line="133" />
      <source>The standard {path} has no sheet '{sheet}'. Start from the shipped template.</source>
      <translation>补偿标准 {path} 中没有工作表“{sheet}”。请以随插件提供的模板为基础填写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="62" />
      <source>The sync stopped: {error}</source>
      <translation>同步中止：{error}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync.py" line="253" />
      <source>The sync was cancelled; what was sent is kept and the rest will be sent by the next sync.</source>
      <translation>同步已取消：已提交的内容保留，其余将在下次同步时提交。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="217" />
      <source>The target CRS '{crs}' is not a valid coordinate reference system. Give an EPSG code such as EPSG:4549.</source>
      <translation>目标坐标系“{crs}”无效。请输入 EPSG 代码，例如 EPSG:4549。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/report_pdf.py" line="37" />
      <source>The township layer (XZQ) has no features, so there are no atlas pages: choose the XZQ layer of the county.</source>
      <translation>乡镇图层（XZQ）没有要素，无法生成分乡镇图页：请选择本县的 XZQ 图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/area.py" line="47" />
      <source>The township {code} is not in the data centre's XZQ collection: check the 9-digit township code, or give an extent xmin,ymin,xmax,ymax instead.</source>
      <translation>数据中心的行政区（XZQ）中没有乡镇 {code}：请核对9位乡镇代码，或改为给出范围 xmin,ymin,xmax,ymax。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/cost_common.py" line="86" />
      <source>The valuation date '{value}' is not a date: write it as YYYY-MM-DD.</source>
      <translation>测算基准日“{value}”不是日期：请按 YYYY-MM-DD 填写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="155" />
      <source>The villages {codes} have no homestead land (DLTB 0702) to reclaim.</source>
      <translation>村庄 {codes} 没有可复垦的宅基地（地类图斑0702）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="468" />
      <source>The workbook has no sheets: add at least one sheet before saving.</source>
      <translation>工作簿中没有工作表：保存前请至少添加一个工作表。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/inputs.py" line="39" />
      <source>The zone layer cannot be read. Check that its file exists and choose it again.</source>
      <translation>无法读取区片图层。请检查文件是否存在并重新选择。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/inputs.py" line="45" />
      <source>The zone layer {layer} has no grade field ({fields}). Add a field QPDJ with the zone grade of each polygon.</source>
      <translation>区片图层 {layer} 没有等级字段（{fields}）。请添加字段 QPDJ，填写每个区片的等级。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/loading.py" line="336" />
      <source>The {role} layer '{layer}' has no field {field} ({meaning}). Fields that look closest: {closest} (the layer's fields: {fields}). Rename the layer's field to {field}, choose it for {field} in the field mapping of {role}, or name it in a FIELD_MAP file ([{role_id}] {field} = "&lt;layer field&gt;"), then run again.</source>
      <translation>{role}图层“{layer}”没有字段 {field}（{meaning}）。看起来最接近的字段：{closest}（该图层的字段：{fields}）。请把图层中对应的字段改名为 {field}，或在{role}的字段对应中为 {field} 选择该字段，或在 FIELD_MAP 字段对应文件中写明（[{role_id}] {field} = "&lt;图层字段&gt;"），然后重新运行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="66" />
      <source>The 界址点 coordinate file {path} does not exist: choose an existing .txt file.</source>
      <translation>界址点坐标文件 {path} 不存在：请选择一个已有的 .txt 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="203" />
      <source>The 界址点 coordinate file {path} has no parcel: after [地块坐标] each parcel starts with a line ending in @ followed by its points 点号,圈号,X,Y.</source>
      <translation>界址点坐标文件 {path} 中没有地块：[地块坐标] 之后每个地块以一行以 @ 结尾的地块信息开始，随后是其界址点 点号,圈号,X,Y。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="74" />
      <source>The 界址点 coordinate file {path} is neither UTF-8 nor GBK text: save it as one of them.</source>
      <translation>界址点坐标文件 {path} 既不是 UTF-8 也不是 GBK 文本：请另存为其中一种编码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="24" />
      <source>Theirs</source>
      <translation>数据中心的</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="209" />
      <source>There are no layers to print: add at least one layer to the map.</source>
      <translation>没有要打印的图层：请至少向地图添加一个图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="289" />
      <source>There is no field package in {folder}: check one out first (step 2), or choose the folder of an earlier checkout.</source>
      <translation>{folder} 中没有外业包：请先检出（第2步），或选择以前检出的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="299" />
      <source>There is no field project {path}: check the area out again (step 2).</source>
      <translation>没有外业工程 {path}：请重新检出该区域（第2步）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/report.py" line="61" />
      <source>There is no field task to report: make tasks from the quality check or the change clues first (landoffice:fieldtasks).</source>
      <translation>没有可报告的核查任务：请先由质检或变更线索生成任务（landoffice:fieldtasks）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/parcel_report_pdf.py" line="216" />
      <source>There is no parcel to report: search for a parcel first.</source>
      <translation>没有可出报告的宗地：请先查询宗地。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="291" />
      <source>There is no red line: draw it, take it from a selected feature or load it from a file first.</source>
      <translation>没有红线：请先绘制、取选中要素或从文件载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="238" />
      <source>There is no site: draw it, take it from selected features or load it from a file first.</source>
      <translation>尚无选址范围：请先绘制、取自选中要素或从文件载入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_base.py" line="101" />
      <source>These files exist already and would be replaced:
{files}

Replace them?</source>
      <translation>以下文件已存在，将被替换：
{files}

是否替换？</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/query.py" line="79" />
      <source>This does not look like a valid parcel code: {problems}</source>
      <translation>这不像有效的宗地代码：{problems}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/evidence.py" line="92" />
      <source>This field package has no field tasks (RWTB) or no evidence layer: check out again from a data centre that has them.</source>
      <translation>此外业数据包没有核查任务（RWTB）或举证照片图层：请从具备这些数据集的数据中心重新检出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/tasks/report.py" line="42" />
      <source>This field package has no field tasks (RWTB): check out again from a data centre that has them.</source>
      <translation>此外业数据包没有核查任务（RWTB）：请从具备核查任务的数据中心重新检出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="349" />
      <source>This server does NOT accept edits (no OGC API - Features Part 4): you can check out, but not sync.</source>
      <translation>该服务器不接受修改（不支持 OGC API - Features 第4部分）：可以检出，但不能同步。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="137" />
      <source>To check</source>
      <translation>待核查</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_quality_check.py" line="28" />
      <source>Topology</source>
      <translation>拓扑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="42" />
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/cost_common.py" line="50" />
      <source>Total cost (yuan)</source>
      <translation>合计成本（元）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="321" />
      <source>Total {total} yuan ({homesteads} homesteads, {households} households, {persons} persons).</source>
      <translation>合计 {total} 元（宅基地 {homesteads} 宗，{households} 户，{persons} 人）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/cost_common.py" line="105" />
      <source>Total: {total} yuan</source>
      <translation>合计：{total} 元</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="137" />
      <source>Township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="109" />
      <source>Township / village</source>
      <translation>乡镇/村</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="113" />
      <source>Township code (9 digits) or xmin,ymin,xmax,ymax</source>
      <translation>乡镇代码（9位）或 xmin,ymin,xmax,ymax</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_fieldwork_checkout.py" line="36" />
      <source>Township code or extent</source>
      <translation>乡镇代码或范围</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="127" />
      <source>Township {township}: {done} of {total} done, {open} open</source>
      <translation>乡镇 {township}：共 {total} 个，已完成 {done} 个，待核查 {open} 个</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="32" />
      <source>Townships (XZQ)</source>
      <translation>乡镇（XZQ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="38" />
      <source>Townships (XZQ), for the township names</source>
      <translation>乡镇（XZQ），用于乡镇名称</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="29" />
      <source>Turns the red lights of the quality check (landoffice:qualitycheck) and the suspected unlawful use of the land-use change (landoffice:landusechange) into field tasks (RWTB): one task per problem, with its reason, township and village, status 待核查. With a data centre address the new tasks are also published to its RWTB collection (a problem already sent is not sent again); a checkout of a township then carries its tasks to the laptop.</source>
      <translation>把质检红灯（landoffice:qualitycheck）和年度变更的疑似违法用地（landoffice:landusechange）生成外业核查任务（RWTB）：每个问题一个任务，带核查事由、乡镇和村，状态为待核查。填写数据中心地址时，新任务同时发布到数据中心的 RWTB 数据集（已发送过的问题不会重复发送）；之后检出乡镇时，其任务随外业数据包一起带到笔记本。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="42" />
      <source>Undecided</source>
      <translation>未决定</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="48" />
      <source>Unexpected argument '{arg}': parameters are written --NAME VALUE.</source>
      <translation>无法识别的参数“{arg}”：参数应写作 --名称 取值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="32" />
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="143" />
      <source>Unknown algorithm '{name}'. Known algorithms: {known}.</source>
      <translation>未知算法“{name}”。可用的算法：{known}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync.py" line="411" />
      <source>Unknown conflict policy {policy}: use stop, mine or theirs.</source>
      <translation>未知的冲突处理方式 {policy}：请使用 stop、mine 或 theirs。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="62" />
      <source>Unknown homestead rule '{rule}': use 'share' or 'centroid'.</source>
      <translation>未知的宅基地认定规则“{rule}”：请使用 share（重叠比例）或 centroid（中心点）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="100" />
      <source>Unknown layer role '{role}'. Use one of: {roles}.</source>
      <translation>未知的图层角色“{role}”。请使用以下之一：{roles}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="158" />
      <source>Unknown parameter(s) {names} for {alg}. Valid parameters: {valid}.</source>
      <translation>算法 {alg} 没有参数 {names}（未知参数）。有效参数：{valid}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/dialects.py" line="169" />
      <source>Unknown sample dialect '{dialect}'. Use one of: {choices}.</source>
      <translation>未知的样例数据方言“{dialect}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="66" />
      <source>Unknown sample scale '{scale}'. Use one of: {choices}.</source>
      <translation>未知的示例数据规模“{scale}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="139" />
      <source>Unsupported paper {paper} {orientation}: choose A4 landscape, A4 portrait or A3 landscape.</source>
      <translation>不支持的纸张 {paper} {orientation}：请选择 A4 横向、A4 纵向或 A3 横向。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="272" />
      <source>Urban development boundary</source>
      <translation>城镇开发边界</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="38" />
      <source>Urban development boundary (CZKFBJ)</source>
      <translation>城镇开发边界（CZKFBJ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="108" />
      <source>Use</source>
      <translation>用途</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="18" />
      <source>Valid (%)</source>
      <translation>有效（%）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/cost_common.py" line="42" />
      <source>Valuation date (YYYY-MM-DD, empty: today)</source>
      <translation>测算基准日（YYYY-MM-DD，留空为今天）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="17" />
      <source>Values checked</source>
      <translation>检查的值</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="117" />
      <source>Verdicts</source>
      <translation>结论</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="48" />
      <source>Village</source>
      <translation>村</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_reclamation_cost.py" line="32" />
      <source>Village codes (12 digits, separated by commas)</source>
      <translation>村代码（12位，用逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_rural.py" line="27" />
      <source>Village layer has no field {field}: villages are marked by code only.</source>
      <translation>村级调查区图层没有字段 {field}：仅按村代码确定搬迁撤并村。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="109" />
      <source>Village reclamation</source>
      <translation>村庄复垦测算</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_reclamation_cost.py" line="20" />
      <source>Village reclamation cost</source>
      <translation>村庄复垦成本测算</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="146" />
      <source>Village reclamation {codes}</source>
      <translation>村庄复垦 {codes}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_rural.py" line="47" />
      <source>Village {village} marked for relocation or merger; {landuse} ({code}) outside the development boundary</source>
      <translation>{village}列入搬迁撤并；{landuse}（{code}）位于城镇开发边界外</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="31" />
      <source>Villages (CJDCQ)</source>
      <translation>村级调查区（CJDCQ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="40" />
      <source>Villages (CJDCQ), for the village names</source>
      <translation>行政村（CJDCQ），用于村名称</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="108" />
      <source>Villages marked for relocation or merger (12-digit codes, comma separated)</source>
      <translation>列入搬迁撤并的村（12位村代码，逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="101" />
      <source>Villages to reclaim</source>
      <translation>复垦村庄</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="110" />
      <source>Villages to relocate</source>
      <translation>搬迁撤并村庄</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="175" />
      <source>WGS 84</source>
      <translation>WGS 84 坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="200" />
      <source>Warning: {category} is 0 mu because its input matched nothing ({counts} features): {hint}. If land was expected, check the layer, its field mapping and its values.</source>
      <translation>警告：{category}为 0 亩，因为其输入没有任何匹配（要素数：{counts}）：{hint}。如应有潜力用地，请检查该图层、字段对应及其取值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="204" />
      <source>Warning: {category} is 0 mu: all of its {count} candidates lie on hard constraints, on land a category before it claimed, or on land the survey shows built.</source>
      <translation>警告：{category}为 0 亩：其全部 {count} 个候选地块均位于硬约束内、已被优先级更高的类别认定，或现状调查显示已建设。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="129" />
      <source>Warnings</source>
      <translation>警告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="93" />
      <source>Whole county</source>
      <translation>全县</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="415" />
      <source>Why is this feature right as it is? (sent with the edit)</source>
      <translation>为什么该要素保持现状是正确的？（理由随修改一并提交）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="20" />
      <source>Why not</source>
      <translation>不能运行的原因</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="78" />
      <source>Working CRS (every layer is reprojected to it before any overlay): {crs}</source>
      <translation>工作坐标系（叠加分析前所有图层都投影到此坐标系）：{crs}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="126" />
      <source>Write now</source>
      <translation>立即生成</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="127" />
      <source>Write the Excel report of the last analysis</source>
      <translation>生成上次分析的 Excel 报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_lookup_audit.py" line="15" />
      <source>Writes the log of owner searches (by name or pinyin) and of every view of full ID numbers made on this computer — when, which user, what was asked (ID numbers masked), how many results, the reason — to an xlsx an office can file.</source>
      <translation>将本机的权利人查询（按姓名或拼音）和每次查看完整身份证号的记录——时间、用户、查询内容（身份证号脱敏）、结果数、事由——写入可归档的 xlsx。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="29" />
      <source>Writes the parcel report (宗地查询报告) of each parcel code: a map of the parcel with its neighbours, its attributes, what every other role layer has on it (land classes in 亩 and share, farmland, red line, development zones, approvals, supply, buildings, households) and its red lights. PDF: one A4 page per parcel; xlsx: a summary sheet and one sheet per parcel. ID and phone numbers are masked unless you turn masking off.</source>
      <translation>为每个宗地代码输出宗地查询报告：宗地及相邻宗地的地图、宗地属性、其他各图层在该宗地上的内容（地类面积（亩）及占比、永久基本农田、生态保护红线、城镇开发边界分区、批准用地、供地、房屋、户籍人口）以及红灯问题。PDF：每宗地一页 A4；xlsx：一张汇总表和每宗地一张表。除非关闭脱敏，身份证号和电话号码均脱敏显示。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="311" />
      <source>Writing layer '{layer}' to the GeoPackage failed: {error}. Check the free disk space and that the output folder is writable, then run the import again.</source>
      <translation>将图层“{layer}”写入 GeoPackage 失败：{error}。请检查磁盘剩余空间及输出文件夹是否可写，然后重新导入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="219" />
      <source>Writing layer {name}</source>
      <translation>正在写出图层 {name}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/potential_task.py" line="65" />
      <source>Writing the Excel report</source>
      <translation>正在写出 Excel 报告</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="232" />
      <source>Writing the GBK shapefile</source>
      <translation>正在写出 GBK 编码 shapefile</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/potential_task.py" line="60" />
      <source>Writing the result layer</source>
      <translation>正在写出结果图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/tiling.py" line="75" />
      <source>Writing the sample city was cancelled; nothing was written.</source>
      <translation>示例市的写出已取消，未写出任何文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="226" />
      <source>Writing the task report…</source>
      <translation>正在生成任务报告…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="248" />
      <source>Writing the {dialect} dialect</source>
      <translation>正在写出 {dialect} 方言</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="225" />
      <source>Writing the 三调-style FileGDB</source>
      <translation>正在写出三调风格 FileGDB</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="146" />
      <source>Wrote {name}: {count} features from {source_layer}</source>
      <translation>已写入 {name}：{count} 个要素，来自 {source_layer}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="171" />
      <source>Xian 1980</source>
      <translation>1980西安坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="33" />
      <source>Zone polygons (optional)</source>
      <translation>区片图层（可选）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="41" />
      <source>Zone polygons with grade field QPDJ (optional; else the standard's village table)</source>
      <translation>区片图层，等级字段 QPDJ（可选；否则按补偿标准中的村等级表）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="124" />
      <source>Zoom</source>
      <translation>缩放</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="124" />
      <source>Zoom to the parcel</source>
      <translation>缩放到宗地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="434" />
      <source>a layer could not be exported; check the layers' data sources</source>
      <translation>有图层无法导出；请检查各图层的数据源</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="66" />
      <source>a parcel code has 19 characters, got 28: this looks like a real-estate unit number (不动产单元号); its first 19 characters are the parcel code</source>
      <translation>宗地代码为 19 位，实际为 28 位：这看起来是不动产单元号，其前 19 位即宗地代码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="54" />
      <source>alias {name}</source>
      <translation>别名 {name}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="147" />
      <source>all homesteads (ZDDM J+C) of the villages</source>
      <translation>所选村庄的全部宅基地（宗地代码含J、C）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="71" />
      <source>an ID number has 18 characters, got {count}</source>
      <translation>身份证号应为 18 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="17" />
      <source>approval (PZYD)</source>
      <translation>农用地转用批准（PZYD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="287" />
      <source>approved conversion (PZYD)</source>
      <translation>批准用地（PZYD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="319" />
      <source>building (ZRZ)</source>
      <translation>房屋（ZRZ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_rural.py" line="61" />
      <source>can be restored at once</source>
      <translation>即可恢复</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_rural.py" line="61" />
      <source>can be restored by engineering</source>
      <translation>工程恢复</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="83" />
      <source>can run</source>
      <translation>可运行</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="83" />
      <source>cannot run</source>
      <translation>不能运行</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="76" />
      <source>characters 1–17 must be digits; position(s) {positions} are not</source>
      <translation>第 1–17 位必须是数字；第 {positions} 位不是</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="36" />
      <source>correct the feature, then sync</source>
      <translation>请修正该要素后再同步</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_industrial.py" line="64" />
      <source>coverage {value} under {limit}</source>
      <translation>建筑密度{value}低于{limit}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="81" />
      <source>default: {value}</source>
      <translation>默认值：{value}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="210" />
      <source>drawn red line</source>
      <translation>绘制的红线</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="182" />
      <source>drawn site</source>
      <translation>绘制的选址</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="69" />
      <source>e.g. 滨湖路拓宽工程 (title of the reports)</source>
      <translation>例如 滨湖路拓宽工程（用作报告标题）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="259" />
      <source>ecological protection red line (STBHHX)</source>
      <translation>生态保护红线（STBHHX）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/lookup/red_lights.py" line="121" />
      <source>empty</source>
      <translation>为空</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="88" />
      <source>empty: the shipped rules</source>
      <translation>留空：使用内置规则</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="94" />
      <source>encoding {encoding} ({how})</source>
      <translation>编码 {encoding}（{how}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="157" />
      <source>every approved area (PZYD) is covered by a supply (GYYD)</source>
      <translation>所有批准用地（PZYD）均已被供地（GYYD）覆盖</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="71" />
      <source>expected 19 (parcel code 宗地代码) or 28 (real-estate unit number 不动产单元号) characters, got {count}</source>
      <translation>应为 19 位（宗地代码）或 28 位（不动产单元号），实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="70" />
      <source>expected {expected} characters, got {count}</source>
      <translation>应为 {expected} 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="53" />
      <source>field map</source>
      <translation>字段对应表</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="41" />
      <source>from the .cpg file</source>
      <translation>依据 .cpg 文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="42" />
      <source>from the DBF language driver byte</source>
      <translation>依据 DBF 文件头的语言驱动标识</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="172" />
      <source>homesteads whose centroid lies inside the red line</source>
      <translation>中心点位于红线内的宅基地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="173" />
      <source>homesteads with at least {pct}% of their area inside the red line</source>
      <translation>与红线重叠面积不少于宗地面积{pct}%的宅基地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="339" />
      <source>household (HJ)</source>
      <translation>户籍（HJ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="207" />
      <source>it has the required fields of {role}: {fields}</source>
      <translation>图层含有{role}的必需字段：{fields}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="47" />
      <source>its centroid lies inside the red line</source>
      <translation>中心点位于红线内</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_demolition_cost.py" line="46" />
      <source>its overlap share reaches the threshold</source>
      <translation>与红线重叠比例达到阈值</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/fieldwork_conflicts.py" line="33" />
      <source>kept on this laptop</source>
      <translation>已保留在本机</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/lines.py" line="54" />
      <source>land class {code}: no crop compensation rate in the standard ({mu} 亩)</source>
      <translation>地类 {code}：补偿标准中没有青苗补偿费率（{mu} 亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="17" />
      <source>land supply (GYYD)</source>
      <translation>供地（GYYD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="182" />
      <source>land-use patch</source>
      <translation>地类图斑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/checks_attributes.py" line="23" />
      <source>layer DLTB has no field {name}: every patch lacks it</source>
      <translation>DLTB图层没有字段{name}：所有图斑均缺少此字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="84" />
      <source>line</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="55" />
      <source>missing</source>
      <translation>缺失</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="144" />
      <source>missing fields: {fields}</source>
      <translation>缺少字段：{fields}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/cost_views.py" line="39" />
      <source>missing rate</source>
      <translation>缺少费率</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="25" />
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="160" />
      <source>no enterprise (GYQY) is under the thresholds with a parcel (ZD) of its ZDDM</source>
      <translation>没有低于阈值且能按宗地代码 ZDDM 关联到宗地（ZD）的企业（GYQY）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="65" />
      <source>no layer for {role} ({id})</source>
      <translation>没有{role}（{id}）图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="163" />
      <source>no non-construction patch lies inside the chosen zones of the development boundary</source>
      <translation>城镇开发边界所选分区内没有非建设用地图斑</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="164" />
      <source>no patch has a ZZSXDM in recovery.zzsxdm_codes of the rules</source>
      <translation>没有图斑的种植属性代码 ZZSXDM 属于规则中的 recovery.zzsxdm_codes</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="100" />
      <source>no role recognised</source>
      <translation>未识别出图层角色</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="161" />
      <source>no rural homestead or village construction land lies in a marked village outside the development boundary</source>
      <translation>城镇开发边界外已标记搬迁撤并的村内没有农村宅基地或村庄建设用地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="158" />
      <source>no supply (GYYD) is due and unbuilt by the rules (contracted start YDKGRQ, actual start SJKGRQ, built and invested shares)</source>
      <translation>按规则没有一宗供地（GYYD）已到期且未建设（约定开工日期 YDKGRQ、实际开工日期 SJKGRQ、已建设面积与投资比例）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="46" />
      <source>no text found; assumed UTF-8</source>
      <translation>未找到文字内容，按 UTF-8 处理</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="21" />
      <source>no {layer}</source>
      <translation>无{layer}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="19" />
      <source>no {layer} layer given: not checked</source>
      <translation>未提供{layer}图层，未核对</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="92" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="31" />
      <source>none found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="75" />
      <source>none of the values of {id}.{field} ({actual}) is valid, e.g. {examples}</source>
      <translation>{id}.{field}（{actual}）没有一个有效值，例如：{examples}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="430" />
      <source>not enough memory; try a smaller paper size or fewer layers</source>
      <translation>内存不足；请改用较小的纸张或减少图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="141" />
      <source>not set</source>
      <translation>未设置</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="21" />
      <source>one row per household</source>
      <translation>每户一行</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="21" />
      <source>one row per person</source>
      <translation>每人一行</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="395" />
      <source>overridden</source>
      <translation>已说明</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="302" />
      <source>parcel (ZD)</source>
      <translation>宗地（ZD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="256" />
      <source>permanent basic farmland (YJJBNTTB)</source>
      <translation>永久基本农田（YJJBNTTB）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_industrial.py" line="64" />
      <source>plot ratio {value} under {limit}</source>
      <translation>容积率{value}低于{limit}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="84" />
      <source>point</source>
      <translation>点</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="84" />
      <source>polygon</source>
      <translation>面</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="198" />
      <source>position entered</source>
      <translation>位置为手工录入</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="197" />
      <source>position from the photo</source>
      <translation>位置取自照片</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="74" />
      <source>position {start}</source>
      <translation>第 {start} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="85" />
      <source>positions 7–14 are not a valid birth date (YYYYMMDD)</source>
      <translation>第 7–14 位不是有效的出生日期（YYYYMMDD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="75" />
      <source>positions {start}–{end}</source>
      <translation>第 {start}–{end} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="144" />
      <source>ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="111" />
      <source>red line</source>
      <translation>红线</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="97" />
      <source>role {role}, because {reason}</source>
      <translation>角色：{role}，依据：{reason}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="53" />
      <source>standard name</source>
      <translation>标准字段名</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/lines.py" line="76" />
      <source>structure {code}: buildings with no condition factor (no completion date or older than the last age band) ({m2} m²)</source>
      <translation>房屋结构 {code}：部分房屋无成新率（缺竣工日期或房龄超出最后一档）（{m2} 平方米）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/lines.py" line="73" />
      <source>structure {code}: no house replacement price in the standard ({m2} m²)</source>
      <translation>房屋结构 {code}：补偿标准中没有房屋重置价（{m2} 平方米）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="85" />
      <source>table (no geometry)</source>
      <translation>属性表（无几何）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_industrial.py" line="65" />
      <source>tax {value} under {limit} (10,000 yuan per mu)</source>
      <translation>亩均税收{value}低于{limit}（万元/亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/cat_industrial.py" line="66" />
      <source>tax {value} under {limit} of the county mean (10,000 yuan per mu)</source>
      <translation>亩均税收{value}低于全县平均值的{limit}（万元/亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="66" />
      <source>the ID number is empty</source>
      <translation>身份证号为空</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="433" />
      <source>the PDF writer failed; check the disk space and try again</source>
      <translation>PDF 写入失败；请检查磁盘空间后重试</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="435" />
      <source>the atlas pages could not be produced; check the coverage layer</source>
      <translation>无法生成图集页面；请检查覆盖图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="89" />
      <source>the birth date (positions 7–14) is before {year}</source>
      <translation>出生日期（第 7–14 位）早于 {year} 年</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="87" />
      <source>the birth date (positions 7–14) lies in the future</source>
      <translation>出生日期（第 7–14 位）晚于今天</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="56" />
      <source>the cadastral district 地籍区 (positions 7–9) must be digits, got '{value}'</source>
      <translation>地籍区代码（第 7–9 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="57" />
      <source>the cadastral sub-district 地籍子区 (positions 10–12) must be digits, got '{value}'</source>
      <translation>地籍子区代码（第 10–12 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="94" />
      <source>the check digit (position 18) should be {expected}, got {actual}</source>
      <translation>校验码（第 18 位）应为 {expected}，实际为 {actual}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="55" />
      <source>the county code (positions 1–6, GB/T 2260) must be digits, got '{value}'</source>
      <translation>县级行政区划代码（第 1–6 位，GB/T 2260）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="429" />
      <source>the export was cancelled</source>
      <translation>导出已取消</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="431" />
      <source>the file could not be written; check that the folder exists, is writable and the file is not open in another program</source>
      <translation>无法写入文件；请检查文件夹是否存在、是否可写，以及该文件是否已在其他程序中打开</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="60" />
      <source>the fixture number (positions 21–28) must be digits, got '{value}'</source>
      <translation>定着物编号（第 21–28 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="79" />
      <source>the last character (position 18) must be a digit or X</source>
      <translation>最后一位（第 18 位）必须是数字或 X</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="176" />
      <source>the layer has no coordinate reference system</source>
      <translation>图层没有坐标参照系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/roles_check.py" line="174" />
      <source>the layer has no features</source>
      <translation>图层没有要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="205" />
      <source>the name '{name}' matches the pattern '{pattern}' of {role}</source>
      <translation>图层名“{name}”符合{role}的名称规则“{pattern}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/inspection.py" line="24" />
      <source>the open project</source>
      <translation>当前工程</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="58" />
      <source>the parcel sequence number (positions 15–19) must be digits, got '{value}'</source>
      <translation>宗地顺序号（第 15–19 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="44" />
      <source>the text is not UTF-8, read as GB18030 (GBK)</source>
      <translation>文字不是 UTF-8 编码，按 GB18030（GBK）读取</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="45" />
      <source>the text is plain ASCII</source>
      <translation>文字仅含 ASCII 字符</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="43" />
      <source>the text is valid UTF-8</source>
      <translation>文字为有效的 UTF-8 编码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="68" />
      <source>the {role} layer '{layer}' is empty</source>
      <translation>{role}图层“{layer}”没有要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="68" />
      <source>this is an old 15-digit ID number; ask for the 18-digit number of the current card</source>
      <translation>这是旧的 15 位身份证号；请索取现行身份证上的 18 位号码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="395" />
      <source>to fix</source>
      <translation>待修改</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="76" />
      <source>too long: a real-estate unit number has at most 28 characters, got {count}</source>
      <translation>过长：不动产单元号最多 28 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="152" />
      <source>township</source>
      <translation>乡镇</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="149" />
      <source>township (XZQ)</source>
      <translation>乡镇（XZQ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="199" />
      <source>unknown class</source>
      <translation>未知地类</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="437" />
      <source>unknown error code {code}</source>
      <translation>未知错误代码 {code}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="85" />
      <source>unknown geometry</source>
      <translation>未知几何类型</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="264" />
      <source>urban development boundary (CZKFBJ)</source>
      <translation>城镇开发边界（CZKFBJ）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="65" />
      <source>with fixture type {fixture} (无定着物) positions 21–28 must be {zeros}, got '{value}'</source>
      <translation>定着物类型为 {fixture}（无定着物）时，第 21–28 位必须为 {zeros}，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/report.py" line="25" />
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/lines.py" line="39" />
      <source>zone grade {grade}: no 区片综合地价 in the standard ({mu} 亩)</source>
      <translation>区片等级 {grade}：补偿标准中没有区片综合地价（{mu} 亩）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="22" />
      <source>{area} m² covered by no approval or supply</source>
      <translation>未被批准或供地覆盖 {area} 平方米</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="18" />
      <source>{area} m² in permanent basic farmland</source>
      <translation>位于永久基本农田 {area} 平方米</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="492" />
      <source>{category} was not analysed: layer {roles} is missing.</source>
      <translation>未分析{category}：缺少图层 {roles}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="497" />
      <source>{category} was not analysed: {problem}</source>
      <translation>{category}未分析：{problem}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_history.py" line="49" />
      <source>{count} changes written to {path}</source>
      <translation>已将 {count} 条变更写入 {path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="462" />
      <source>{count} choices recorded: run the sync to send them.</source>
      <translation>已记录 {count} 项选择：请运行同步以提交。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync.py" line="396" />
      <source>{count} edited features do not pass the checks ({listing}): fix them, or override each with a reason, then sync again.</source>
      <translation>{count} 个修改过的要素未通过检查（{listing}）：请修改，或逐个说明理由后忽略，然后重新同步。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="45" />
      <source>{count} features changed while the sync ran: they go with the next sync.</source>
      <translation>{count} 个要素在同步过程中被修改：将在下次同步时发送。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/sync_log.py" line="42" />
      <source>{count} features left the checked-out area on the data centre and were removed from this laptop (not deleted on the data centre).</source>
      <translation>{count} 个要素在数据中心已移出检出范围，已从本机移除（数据中心未删除）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="221" />
      <source>{count} field tasks written to {path} (no data centre address: not published).</source>
      <translation>{count} 个核查任务已写入 {path}（未填写数据中心地址：未发布）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_search.py" line="79" />
      <source>{count} of {total} matches written to {path}</source>
      <translation>已将 {total} 个结果中的 {count} 个写入 {path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_parcel_report.py" line="79" />
      <source>{count} parcels found</source>
      <translation>找到 {count} 宗地</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="243" />
      <source>{count} parcels indexed.</source>
      <translation>已索引 {count} 宗地。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_potential.py" line="284" />
      <source>{count} pieces, {mu} mu in total.</source>
      <translation>共 {count} 个图斑，合计 {mu} 亩。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_fieldwork.py" line="400" />
      <source>{count} problems found.</source>
      <translation>发现 {count} 个问题。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="170" />
      <source>{count} rules not run again: their layers did not change.</source>
      <translation>{count} 条规则未重新运行：其涉及的图层没有变化。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="93" />
      <source>{count} tasks could not be published ({listing}); the others are at the data centre. Run again: only the missing ones are sent.</source>
      <translation>{count} 个任务未能发布（{listing}）；其余任务已在数据中心。请再运行一次：只发送缺少的任务。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="130" />
      <source>{count} tasks have a status that is none of 待核查 / 已核查 / 已整改: they are not counted as done.</source>
      <translation>{count} 个任务的状态不是 待核查／已核查／已整改：不计为已完成。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="74" />
      <source>{count} tasks have no 9-digit township code (town_code / village_code of the input): they cannot be checked out by township; fill the codes in the input.</source>
      <translation>{count} 个任务没有 9 位乡镇代码（输入图层的 town_code / village_code）：无法按乡镇检出；请在输入中补全代码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="224" />
      <source>{created} tasks published, {failed} failed ({first}): make the tasks again to send the missing ones.</source>
      <translation>已发布 {created} 个任务，{failed} 个失败（{first}）：请再次生成任务，只发送缺少的任务。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="92" />
      <source>{file} cannot be read ({error}). The file may be damaged or incomplete: copy it again from the original source, or open it in QGIS to check it.</source>
      <translation>无法读取 {file}（{error}）。文件可能已损坏或不完整：请从原始来源重新复制，或在 QGIS 中打开检查。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="183" />
      <source>{file} is not a valid shapefile (its header is damaged). Copy the file again from the original source.</source>
      <translation>{file} 不是有效的 Shapefile 文件（文件头已损坏）。请从原始来源重新复制该文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="187" />
      <source>{file} is truncated: it has {actual} bytes but its header announces {expected}. The copy is incomplete; copy the file again from the original source.</source>
      <translation>{file} 不完整：文件只有 {actual} 字节，但文件头标明应有 {expected} 字节。文件未复制完整，请从原始来源重新复制。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="78" />
      <source>{id}.{field}: only {pct:.1f} % of the values are valid</source>
      <translation>{id}.{field}：仅 {pct:.1f}% 的值有效</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="84" />
      <source>{id}: {n} invalid geometries are repaired before use</source>
      <translation>{id}：{n} 个无效几何将在使用前修复</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="54" />
      <source>{job} cannot run: {why}</source>
      <translation>{job}不能运行：{why}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="49" />
      <source>{label}: a {kind} was ignored (a red line must be a polygon).</source>
      <translation>{label}：已忽略一个{kind}（红线必须是面）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="44" />
      <source>{label}: an open polyline was ignored (a red line must be closed).</source>
      <translation>{label}：已忽略一条未闭合的多段线（红线必须闭合）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/redline.py" line="71" />
      <source>{label}: the polygon was not valid ({reason}) and has been repaired.</source>
      <translation>{label}：面不合法（{reason}），已自动修复。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/change/clues.py" line="20" />
      <source>{layer} covers only {area} m²</source>
      <translation>{layer}仅覆盖 {area} 平方米</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="66" />
      <source>{layer}: {count} features left out ({why})</source>
      <translation>{layer}：{count} 个要素未生成任务（{why}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_field_tasks.py" line="64" />
      <source>{layer}: {count} tasks</source>
      <translation>{layer}：{count} 个任务</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/engine.py" line="217" />
      <source>{mu} 亩 of the site are covered by no land-use patch (outside the county's data or in a gap of it); the land-use tables add up to {covered} 亩.</source>
      <translation>选址中有 {mu} 亩不在任何地类图斑内（在本县数据范围外或数据缝隙中）；土地利用统计表合计 {covered} 亩。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="252" />
      <source>{name}: {mu} mu in {towns}; {n} verdicts ({s} s).</source>
      <translation>{name}：{mu} 亩，位于{towns}；{n} 条结论（{s} 秒）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="88" />
      <source>{n} affected homesteads have no registered household: no moving, transition or social-security cost is counted for them: {ids}</source>
      <translation>有{n}宗涉及的宅基地没有户籍登记，未计算其搬迁费、过渡费和社会保障费用：{ids}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/homesteads.py" line="134" />
      <source>{n} buildings have no completion date (JGRQ), so no condition factor: {ids}</source>
      <translation>有{n}幢房屋没有竣工日期（JGRQ），无法确定成新率：{ids}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/homesteads.py" line="137" />
      <source>{n} buildings have no floor area (JZMJ) and count as 0 m²: {ids}</source>
      <translation>有{n}幢房屋没有建筑面积（JZMJ），按0平方米计：{ids}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/population.py" line="106" />
      <source>{n} household numbers appear more than once in a one-row-per-household table; only their first row is counted: {ids}</source>
      <translation>每户一行的人口表中有 {n} 个户号出现不止一次，只计算其第一行：{ids}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/population.py" line="103" />
      <source>{n} households have no valid person count (JTRKS 家庭人口数, a whole number of at least 1) and are counted as 1 person (the head): {ids}</source>
      <translation>{n} 户没有有效的家庭人口数（JTRKS 家庭人口数，应为不小于 1 的整数），按 1 人（户主）计算：{ids}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/engine.py" line="82" />
      <source>{n} households in the affected villages point to a parcel that does not exist (listed in the report): {ids}</source>
      <translation>涉及村庄中有{n}户的宗地代码找不到对应宗地（已在报表中列出）：{ids}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_cost.py" line="327" />
      <source>{n} missing rates are not counted: see Warnings.</source>
      <translation>{n} 项缺少费率，未计入：见“警告”。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="119" />
      <source>{path} already holds a field package that cannot be read: it may still hold edits. Choose another folder, or check out with 'replace' (the old package is then kept beside the new one as a dated copy).</source>
      <translation>{path} 中已有一个无法读取的外业包，其中可能仍有编辑成果。请另选文件夹，或以“替换”方式检出（旧包将另存为带日期的副本）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/checkout.py" line="124" />
      <source>{path} already holds a field package with work that is not on the data centre yet ({listing}): sync it first, or choose another folder, or check out with 'replace' (the old package is then kept beside the new one as a dated copy).</source>
      <translation>{path} 中已有外业包，其中有尚未同步到数据中心的成果（{listing}）：请先同步，或另选文件夹，或以“替换”方式检出（旧包将另存为带日期的副本）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sync/package.py" line="117" />
      <source>{path} cannot be read as a LandOffice field package (its sync metadata is missing or damaged: {detail}). Keep the file: do not delete it and do not check out into this folder, the edits in it may still be recoverable. Copy the folder and ask the data centre's administrator to look at it.</source>
      <translation>{path} 无法作为国土所外业包读取（同步元数据缺失或损坏：{detail}）。请保留该文件：不要删除，也不要向此文件夹重新检出，其中的编辑成果可能仍可恢复。请复制该文件夹并交数据中心管理员检查。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="83" />
      <source>{path} does not exist. Check the path and choose the data again.</source>
      <translation>{path} 不存在。请检查路径并重新选择数据。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cost/sample_redline.py" line="24" />
      <source>{path} has no layer ZD: give a GeoPackage with parcels.</source>
      <translation>{path} 中没有宗地图层 ZD：请提供含宗地的 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="73" />
      <source>{path} has none of the layers DLTB, XZQ, CJDCQ, YJJBNTTB, STBHHX, CZKFBJ: choose a GeoPackage with land-survey layers.</source>
      <translation>{path} 中没有 DLTB、XZQ、CJDCQ、YJJBNTTB、STBHHX、CZKFBJ 中的任何图层：请选择包含国土调查图层的 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="81" />
      <source>{path} is not a format LandOffice can import. Choose a GeoPackage (.gpkg), a FileGDB folder (.gdb), a shapefile (.shp) or a folder of shapefiles.</source>
      <translation>{path} 不是 LandOffice 可导入的格式。请选择 GeoPackage（.gpkg）、FileGDB 文件夹（.gdb）、Shapefile（.shp）或存放 Shapefile 的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/site.py" line="42" />
      <source>{path} is not a site file: give a GeoPackage, shapefile, DXF, KML or a 界址点坐标 .txt file.</source>
      <translation>{path} 不是选址文件：请给出 GeoPackage、shapefile、DXF、KML 或界址点坐标 .txt 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="72" />
      <source>{role} has no field for {id}.{field} ({meaning})</source>
      <translation>{role}缺少字段 {id}.{field}（{meaning}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/datacheck/jobs.py" line="81" />
      <source>{role} is neither one row per person (XM) nor one row per household (JTRKS)</source>
      <translation>{role}既不是每人一行（XM），也不是每户一行（JTRKS）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="525" />
      <source>{role} was reprojected from {crs} to the working CRS {target}.</source>
      <translation>{role}已从 {crs} 重投影到工作坐标系 {target}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="86" />
      <source>{role}: layer {name}</source>
      <translation>{role}：图层 {name}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="522" />
      <source>{role}: {count} features without area were left out.</source>
      <translation>{role}：{count} 个无面积的要素未参与分析。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/analysis/engine.py" line="519" />
      <source>{role}: {count} invalid geometries were repaired (make_valid).</source>
      <translation>{role}：已修复 {count} 个无效几何（make_valid）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/engine.py" line="126" />
      <source>{rule} ({title}) found nothing to check in layer {layer}</source>
      <translation>{rule}（{title}）在图层{layer}中没有可检查的要素</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/quality/engine.py" line="105" />
      <source>{rule} ({title}) not checked: layer {layer} not given</source>
      <translation>{rule}（{title}）未检查：未提供图层{layer}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="296" />
      <source>{shown} of more than {total} parcels</source>
      <translation>共 {total} 宗以上，显示 {shown} 宗</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="298" />
      <source>{shown} of {total} parcels</source>
      <translation>共 {total} 宗，显示 {shown} 宗</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_sitecheck.py" line="149" />
      <source>{site}: {mu} 亩, checked in {s} s</source>
      <translation>{site}：{mu} 亩，分析用时 {s} 秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/inspect_dialog.py" line="53" />
      <source>{source}: {ready} of {total} jobs can run.</source>
      <translation>{source}：{total} 项任务中 {ready} 项可以运行。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_parcel_lookup.py" line="300" />
      <source>{total} parcels</source>
      <translation>共 {total} 宗</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_quality.py" line="167" />
      <source>{total} red lights written to {path}; report {xlsx}.</source>
      <translation>{total} 个红灯已写入 {path}；报告 {xlsx}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="67" />
      <source>三调-style FileGDB</source>
      <translation>三调风格 FileGDB</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_inspect_data.py" line="22" />
      <source>数据体检, the first thing to run on a new delivery: for a GeoPackage, a FileGDB folder (.gdb), a shapefile or a folder of shapefiles (empty: the open project), per layer role the layer found, its feature count, CRS (geographic or projected), each standard field and how it was resolved (standard name, alias, Chinese meaning, field map, or missing), the share of valid codes and dates, the invalid geometries, and which jobs (potential-land categories, demolition and reclamation cost, parcel lookup, field work) can run with the data and why the others cannot. Writes an xlsx and prints the result.</source>
      <translation>数据体检是拿到新数据后首先要运行的工具：对 GeoPackage、FileGDB 文件夹（.gdb）、shapefile 或 shapefile 文件夹（留空：当前工程），按图层角色列出找到的图层、要素数、坐标系（地理或投影）、每个标准字段及其识别方式（标准字段名、别名、中文含义、字段对应表或缺失）、编码和日期的有效率、无效几何数，以及哪些任务（用地潜力各类别、征地拆迁和村庄复垦成本、宗地查询、外业核查）可以用这些数据运行、其余任务为什么不能运行。输出 xlsx 并打印结果。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="339" />
      <source>界址点 file written:</source>
      <translation>界址点文件已写出：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sitecheck/boundary_points.py" line="272" />
      <source>界址点 files hold CGCS2000 Gauss-Kruger coordinates, but the area is in {crs}: reproject it to its CGCS2000 zone first.</source>
      <translation>界址点文件使用 CGCS2000 高斯-克吕格坐标，但该范围的坐标系为 {crs}：请先投影到其所在的 CGCS2000 投影带。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="127" />
      <source>界址点…</source>
      <translation>界址点…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/dock_sitecheck.py" line="333" />
      <source>界址点坐标 file</source>
      <translation>界址点坐标文件</translation>
    </message>
  </context>
</TS>
