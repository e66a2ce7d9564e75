<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>LandOffice</name>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="135" />
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
      <location filename="../landoffice_plugin/io/project_builder.py" line="75" />
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
      <location filename="../landoffice_plugin/cli.py" line="120" />
      <source>--{name} must be one of: {options}.</source>
      <translation>--{name} 只能取以下值之一：{options}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="68" />
      <source>3-degree Gauss-Kruger zone {zone} is outside China's zones 25 to 45. Check the longitude or zone number you entered.</source>
      <translation>3度带高斯-克吕格投影带号 {zone} 超出我国范围（25～45 带）。请检查输入的经度或带号。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="79" />
      <source>6-degree Gauss-Kruger zone {zone} is outside China's zones 13 to 23. Check the longitude or zone number you entered.</source>
      <translation>6度带高斯-克吕格投影带号 {zone} 超出我国范围（13～23 带）。请检查输入的经度或带号。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="140" />
      <source>A table needs at least one column: define the report's columns.</source>
      <translation>表格至少需要一列：请定义报表的列。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="53" />
      <source>A3 landscape</source>
      <translation>A3 横向</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="53" />
      <source>A4 landscape</source>
      <translation>A4 横向</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="53" />
      <source>A4 portrait</source>
      <translation>A4 纵向</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="177" />
      <source>Algorithm {name} failed.</source>
      <translation>算法 {name} 运行失败。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="73" />
      <source>Algorithms:</source>
      <translation>算法：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="41" />
      <source>All files</source>
      <translation>所有文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="95" />
      <source>Approvals, land supply and enterprises</source>
      <translation>正在生成批准用地、供地和企业</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="64" />
      <source>Assigning land use</source>
      <translation>正在分配地类</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="156" />
      <source>Beijing 1954</source>
      <translation>1954北京坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="17" />
      <source>Build project from GeoPackage</source>
      <translation>由 GeoPackage 生成工程</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="62" />
      <source>Building the land-use patch partition</source>
      <translation>正在生成地类图斑划分</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/project_builder.py" line="31" />
      <source>Cannot open '{path}' as a GeoPackage. Check that the file exists and is not damaged.</source>
      <translation>无法将“{path}”作为 GeoPackage 打开。请检查文件是否存在、是否损坏。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="92" />
      <source>Cannot read the land-use code list {path} ({reason}). Check that the file exists and is saved as UTF-8 CSV.</source>
      <translation>无法读取地类编码表 {path}（{reason}）。请确认文件存在并以 UTF-8 编码的 CSV 格式保存。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/project_builder.py" line="93" />
      <source>Cannot write the project '{path}': {error}. Check that the folder is writable.</source>
      <translation>无法写入工程“{path}”：{error}。请检查该文件夹是否可写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="44" />
      <source>Choose the layer that plays each role. Roles left empty disable only the functions that need them.</source>
      <translation>为每个角色选择对应的图层。未设置的角色只会停用需要它的功能。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="54" />
      <source>Column {key}: personal must be 'id' or 'phone', not {value}.</source>
      <translation>列 {key}：personal 只能是 'id' 或 'phone'，不能是 {value}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="22" />
      <source>Copies a FileGDB folder (.gdb), a GeoPackage, a shapefile or a folder of shapefiles into one GeoPackage. Layers whose role is recognised (DLTB land-use patches, ZD parcels, XZQ townships …) are named by the role id and their fields renamed to the standard names; other layers keep their names. Shapefile encodings (GBK, UTF-8) are detected. Type or paste a folder path for a .gdb or a folder of shapefiles. Layers are reprojected to the target CRS, by default the most common CGCS2000 CRS of the source.</source>
      <translation>将 FileGDB 文件夹（.gdb）、GeoPackage、Shapefile 或存放 Shapefile 的文件夹复制到一个 GeoPackage 中。识别出角色的图层（DLTB 地类图斑、ZD 宗地、XZQ 行政区等）以角色代码命名，字段改为标准字段名；其他图层保留原名。自动识别 Shapefile 的编码（GBK、UTF-8）。.gdb 或 Shapefile 文件夹请直接输入或粘贴文件夹路径。各图层投影到目标坐标系，默认为数据中最常用的 CGCS2000 坐标系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/writer.py" line="71" />
      <source>Could not create {path}. Check that the folder exists and is writable.</source>
      <translation>无法创建 {path}。请检查文件夹是否存在且可写。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="337" />
      <source>Could not export the PDF map {path}: {reason}.</source>
      <translation>无法导出 PDF 地图 {path}：{reason}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="263" />
      <source>Could not save {path}: the file is open in another program (Excel, WPS) or locked. Close it and export again.</source>
      <translation>无法保存 {path}：该文件已在其他程序（Excel、WPS）中打开或被锁定。请关闭后重新导出。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="257" />
      <source>Could not write to folder {folder}: {error}. Choose another folder.</source>
      <translation>无法写入文件夹 {folder}：{error}。请选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="342" />
      <source>Could not write {path}: {error}. Close the file if it is open in a PDF viewer, or choose another name.</source>
      <translation>无法写入 {path}：{error}。如该文件已在 PDF 阅读器中打开，请先关闭，或另选文件名。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="19" />
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="86" />
      <source>Dividing homesteads into parcels and houses</source>
      <translation>正在将宅基地划分为宗地和房屋</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="79" />
      <source>Drawing planning constraints</source>
      <translation>正在绘制规划管控边界</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="50" />
      <source>Features in {layer}</source>
      <translation>{layer} 要素数</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="132" />
      <source>Fields of {role}</source>
      <translation>{role}的字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="185" />
      <source>Finished in {seconds:.1f} s.</source>
      <translation>完成，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="247" />
      <source>Folder {folder} does not exist: choose an existing folder for the Excel file.</source>
      <translation>文件夹 {folder} 不存在：请为 Excel 文件选择一个已有的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="325" />
      <source>Folder {folder} does not exist: choose an existing folder for the PDF.</source>
      <translation>文件夹 {folder} 不存在：请为 PDF 选择一个已有的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="250" />
      <source>Folder {folder} is not writable: choose another folder for the Excel file.</source>
      <translation>文件夹 {folder} 不可写：请为 Excel 文件选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="328" />
      <source>Folder {folder} is not writable: choose another folder for the PDF.</source>
      <translation>文件夹 {folder} 不可写：请为 PDF 选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="48" />
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
      <location filename="../landoffice_plugin/gui/main_ui.py" line="18" />
      <source>Generate sample county…</source>
      <translation>生成示例县数据…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="73" />
      <source>Generated in {seconds} s</source>
      <translation>生成用时 {seconds} 秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="27" />
      <source>Generates a fictional county (code 320299, EPSG:4549) with every layer role: townships, villages, land-use patches (an exact partition), basic farmland, ecological red line, development boundary, approvals, land supply, parcels, buildings, households and enterprises. Beside the GeoPackage it writes a 三调-style FileGDB (&lt;name&gt;_sandiao.gdb) and a GBK shapefile of DLTB (&lt;name&gt;_shp_gbk). SCALE: small (3 townships, a few seconds) or county (10 townships, ≈ 250 000 patches, a few minutes); give 0/1 or the names small/county. The same seed always gives the same data.</source>
      <translation>生成一个虚构的县（代码 320299，EPSG:4549），包含全部图层角色：乡镇、行政村、地类图斑（严格无缝无重叠的划分）、永久基本农田、生态保护红线、城镇开发边界、批准用地、供地、宗地、自然幢、户籍人口和工业企业。除 GeoPackage 外，还在旁边写出三调风格的 FileGDB（&lt;name&gt;_sandiao.gdb）和 GBK 编码的地类图斑 shapefile（&lt;name&gt;_shp_gbk）。规模 SCALE：small（3 个乡镇，几秒钟）或 county（10 个乡镇，约 25 万个图斑，几分钟）；可填 0/1 或名称 small/county。相同的随机种子总是生成相同的数据。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="24" />
      <source>GeoPackage</source>
      <translation>GeoPackage 数据库</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="68" />
      <source>GeoPackage {path} does not exist: choose an existing .gpkg file.</source>
      <translation>GeoPackage {path} 不存在：请选择一个已有的 .gpkg 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="105" />
      <source>ID number {masked} is not valid: {problems}. Check it against the ID card and enter it again.</source>
      <translation>身份证号 {masked} 无效：{problems}。请对照身份证核对后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="143" />
      <source>Import cancelled; nothing was written.</source>
      <translation>导入已取消，未写入任何数据。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="19" />
      <source>Import survey data</source>
      <translation>导入调查数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="16" />
      <source>Import survey data…</source>
      <translation>导入调查数据…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="148" />
      <source>Imported {count} layers into {output} (CRS {crs}) in {seconds:.1f} s</source>
      <translation>已将 {count} 个图层导入 {output}（坐标系 {crs}），用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="132" />
      <source>Invalid value '{value}' for --{name}.</source>
      <translation>--{name} 的取值“{value}”无效。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="60" />
      <source>Land-use code {code} appears twice in {path}. Keep one row per code and reload.</source>
      <translation>地类编码 {code} 在 {path} 中出现了两次。每个编码只保留一行，然后重新加载。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="38" />
      <source>LandOffice</source>
      <translation>国土所工具</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/provider.py" line="50" />
      <source>LandOffice land office tools</source>
      <translation>国土所工具（LandOffice）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/plugin.py" line="67" />
      <source>LandOffice loaded in {ms:.0f} ms</source>
      <translation>国土所工具已加载，用时 {ms:.0f} 毫秒</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="47" />
      <source>Layer</source>
      <translation>图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="221" />
      <source>Layer "{layer}" has a coordinate reference system QGIS cannot identify ({crs}). Check the .prj file and define the layer's CRS as the CGCS2000 system its coordinates use (e.g. EPSG:{suggest}).</source>
      <translation>图层“{layer}”的坐标参考系无法被 QGIS 识别（{crs}）。请检查 .prj 文件，并将图层坐标系定义为其坐标实际所用的 CGCS2000 坐标系（例如 EPSG:{suggest}）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="214" />
      <source>Layer "{layer}" has no coordinate reference system. Define the CRS its coordinates were surveyed in (normally CGCS2000, e.g. EPSG:4549) in the layer properties before measuring areas.</source>
      <translation>图层“{layer}”没有坐标参考系。计算面积前，请在图层属性中定义其坐标实际所用的坐标系（通常为 CGCS2000，例如 EPSG:4549）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="194" />
      <source>Layer "{layer}" is defined as EPSG:{epsg} (no zone prefix), but its eastings (about {east:.0f} m) start with zone number {zone}. Define the layer's CRS as the zone-prefixed system (for zone {zone}: EPSG:{fix}) instead of reprojecting it.</source>
      <translation>图层“{layer}”定义为 EPSG:{epsg}（不带带号），但其横坐标（约 {east:.0f} 米）以带号 {zone} 开头。请将该图层的坐标系定义为带带号的坐标系（{zone} 带：EPSG:{fix}），不要进行投影转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="200" />
      <source>Layer "{layer}" is defined as EPSG:{epsg} (with zone prefix {zone}), but its eastings (about {east:.0f} m) carry no zone prefix. Define the layer's CRS as the system without prefix (EPSG:{fix}) instead of reprojecting it.</source>
      <translation>图层“{layer}”定义为 EPSG:{epsg}（带带号 {zone}），但其横坐标（约 {east:.0f} 米）不含带号。请将该图层的坐标系定义为不带带号的坐标系（EPSG:{fix}），不要进行投影转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="245" />
      <source>Layer "{layer}" is defined as geographic CGCS2000 (EPSG:4490, degrees), but its coordinates are metres. Define the layer's CRS as the Gauss-Kruger system they were measured in (e.g. EPSG:4549 or EPSG:4528) instead of reprojecting it.</source>
      <translation>图层“{layer}”定义为 CGCS2000 地理坐标系（EPSG:4490，单位为度），但其坐标单位是米。请将图层坐标系定义为坐标实际所用的高斯-克吕格投影坐标系（例如 EPSG:4549 或 EPSG:4528），不要进行投影转换。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="229" />
      <source>Layer "{layer}" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Convert it to CGCS2000 (e.g. EPSG:{suggest}) with the official conversion parameters for your area: a plain reprojection without them can shift parcels by many metres. If the coordinates are already CGCS2000 and only the CRS is wrong, define the layer's CRS instead.</source>
      <translation>图层“{layer}”采用{system}（{crs}，EPSG:{epsg}），不是 CGCS2000。请使用本地区官方坐标转换参数将其转换到 CGCS2000（例如 EPSG:{suggest}）：不用转换参数直接投影转换，图斑可能偏移数米甚至更多。如果坐标本身已是 CGCS2000、只是坐标系定义有误，请直接重新定义图层坐标系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="236" />
      <source>Layer "{layer}" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Reproject it to CGCS2000 (e.g. EPSG:{suggest}); if the coordinates are already CGCS2000 and only the CRS is wrong, define the layer's CRS instead.</source>
      <translation>图层“{layer}”采用{system}（{crs}，EPSG:{epsg}），不是 CGCS2000。请将其投影转换到 CGCS2000（例如 EPSG:{suggest}）；如果坐标本身已是 CGCS2000、只是坐标系定义有误，请直接重新定义图层坐标系。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="251" />
      <source>Layer '{layer}' cannot be used as {role}: it has no field for {fields}. Open the field mapping of {role} and choose the layer's field for each, or add the missing fields to the layer.</source>
      <translation>图层“{layer}”不能用作{role}：缺少字段 {fields}。请打开{role}的字段对应设置，为每个字段选择图层中的对应字段，或在图层中添加缺少的字段。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="265" />
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
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="55" />
      <source>Layer field</source>
      <translation>图层字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="37" />
      <source>Layer roles and field mapping</source>
      <translation>图层角色与字段对应</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="55" />
      <source>Layer roles and field mapping…</source>
      <translation>图层角色与字段对应…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="90" />
      <source>Layer {name} ({source}): {geometry}, {count} features, CRS {crs}</source>
      <translation>图层 {name}（{source}）：{geometry}，{count} 个要素，坐标系 {crs}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="180" />
      <source>Layer {name} cannot be printed because it is not valid: check its data source.</source>
      <translation>图层 {name} 无效，无法打印：请检查其数据源。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="60" />
      <source>Laying out townships, villages, rivers and roads</source>
      <translation>正在布设乡镇、村庄、河流和道路</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="49" />
      <source>Map title</source>
      <translation>地图标题</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="51" />
      <source>Mapping office</source>
      <translation>制图单位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="34" />
      <source>Maps and reports</source>
      <translation>地图与报表</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="55" />
      <source>Meaning</source>
      <translation>含义</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="128" />
      <source>Missing required parameter(s): {names}.</source>
      <translation>缺少必填参数：{names}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="123" />
      <source>No birth date can be read from ID number {masked}: it needs 18 characters with a valid YYYYMMDD date at positions 7–14. Check the number.</source>
      <translation>无法从身份证号 {masked} 读出出生日期：需要 18 位且第 7–14 位为有效的 YYYYMMDD 日期。请核对号码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="204" />
      <source>No readable layer was found in {path}. Choose a GeoPackage, a FileGDB folder (.gdb), a shapefile or a folder of shapefiles.</source>
      <translation>{path} 中没有可读取的图层。请选择 GeoPackage、FileGDB 文件夹（.gdb）、Shapefile 或存放 Shapefile 的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="84" />
      <source>No style for {role}; the default style is used.</source>
      <translation>{role} 没有预设样式，使用默认样式。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="228" />
      <source>None of the layers in {path} is in CGCS2000, so the target CRS cannot be chosen automatically. Choose a target CRS, for example EPSG:4549 (CGCS2000, 3-degree zone, central meridian 120°E).</source>
      <translation>{path} 中没有采用 CGCS2000 坐标系的图层，无法自动确定目标坐标系。请指定目标坐标系，例如 EPSG:4549（CGCS2000 3 度带，中央经线 120°E）。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="20" />
      <source>Opens every layer of a GeoPackage, recognises its role (DLTB, ZD, XZQ …), applies the role's style and saves a QGIS project with the roles recorded, ready for the LandOffice panels.</source>
      <translation>打开 GeoPackage 中的全部图层，识别其角色（地类图斑、宗地、行政区……），套用该角色的样式，并保存记录了图层角色的 QGIS 工程，供国土所工具各面板直接使用。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="46" />
      <source>Output GeoPackage</source>
      <translation>输出 GeoPackage</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="88" />
      <source>Outputs:</source>
      <translation>输出：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="56" />
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="56" />
      <source>PDF map</source>
      <translation>PDF 地图</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="53" />
      <source>Paper</source>
      <translation>纸张</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="35" />
      <source>Parameter --{name} has no value.</source>
      <translation>参数 --{name} 缺少取值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="85" />
      <source>Parameters:</source>
      <translation>参数：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="32" />
      <source>Print overview map</source>
      <translation>打印概览图</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="17" />
      <source>Print overview map…</source>
      <translation>打印概览图…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="126" />
      <source>Print template {path} could not be read: reinstall the plugin.</source>
      <translation>无法读取打印模板 {path}：请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="112" />
      <source>Print template {path} is missing: reinstall the plugin.</source>
      <translation>缺少打印模板 {path}：请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="35" />
      <source>Prints a PDF overview map of a GeoPackage: land-use patches (DLTB) at the bottom, then permanent basic farmland, ecological red line, urban development boundary, village and township boundaries, each in the LandOffice style.</source>
      <translation>将 GeoPackage 打印为 PDF 概览图：地类图斑（DLTB）在最下层，其上依次为永久基本农田、生态保护红线、城镇开发边界、村级和乡镇界线，均使用 LandOffice 样式。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="105" />
      <source>Problems ({count}):</source>
      <translation>问题（{count} 个）：</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="25" />
      <source>Project CRS</source>
      <translation>工程坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="26" />
      <source>QGIS project</source>
      <translation>QGIS 工程</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="27" />
      <source>QGIS project (*.qgz)</source>
      <translation>QGIS 工程 (*.qgz)</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="42" />
      <source>Random seed</source>
      <translation>随机种子</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="61" />
      <source>Recognise automatically</source>
      <translation>自动识别</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="92" />
      <source>Registering owners, households and buildings</source>
      <translation>正在登记权利人、户籍和房屋</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="140" />
      <source>Renaming the finished files</source>
      <translation>正在重命名已完成的文件</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="47" />
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="69" />
      <source>Role {role} in {path} has an unknown geometry '{geometry}'. Use one of: {kinds}.</source>
      <translation>{path} 中角色 {role} 的几何类型“{geometry}”无效。请使用以下之一：{kinds}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_build_project.py" line="28" />
      <source>Roles found</source>
      <translation>识别到的角色</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="46" />
      <source>Roles found (role ids, comma-separated)</source>
      <translation>已识别的图层角色（角色代码，逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="102" />
      <source>Roles found: {roles}</source>
      <translation>已识别的图层：{roles}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="47" />
      <source>Roles missing (role ids, comma-separated)</source>
      <translation>缺少的图层角色（角色代码，逗号分隔）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="103" />
      <source>Roles missing: {roles}</source>
      <translation>缺少的图层：{roles}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="77" />
      <source>Run 'python -m landoffice_plugin ALGORITHM --help' for its parameters.</source>
      <translation>运行 'python -m landoffice_plugin 算法名 --help' 查看其参数。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="41" />
      <source>Scale</source>
      <translation>规模</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="178" />
      <source>Several layers look like {role}: {layers}. {chosen} is imported as {role_id}, the others under their own names. Remove or rename the layers you do not want, or assign the role by hand.</source>
      <translation>有多个图层像是{role}：{layers}。{chosen} 将作为 {role_id} 导入，其余图层按原名导入。请删除或重命名不需要的图层，或手动指定图层角色。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="166" />
      <source>Shapefile {file} has no {part} file beside it. Copy all the files of the shapefile (.shp, .shx, .dbf, .prj, .cpg) into the same folder.</source>
      <translation>Shapefile 文件 {file} 旁缺少 {part} 文件。请把该 Shapefile 的全部文件（.shp、.shx、.dbf、.prj、.cpg）复制到同一文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="86" />
      <source>Source: {path}</source>
      <translation>数据来源：{path}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="55" />
      <source>Standard field</source>
      <translation>标准字段</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="47" />
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="41" />
      <source>Survey data</source>
      <translation>调查数据</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="39" />
      <source>Survey data (.gdb folder, .gpkg, .shp or a folder of shapefiles)</source>
      <translation>调查数据（.gdb 文件夹、.gpkg、.shp 或 Shapefile 文件夹）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_import_data.py" line="43" />
      <source>Target CRS (empty: the most common CGCS2000 CRS of the source)</source>
      <translation>目标坐标系（留空：采用数据中最常用的 CGCS2000 坐标系）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="46" />
      <source>The ID check digit needs exactly 17 digits (the ID number without its last character), got {count} characters. Pass the first 17 digits.</source>
      <translation>计算身份证校验码需要恰好 17 位数字（身份证号去掉最后一位），实际为 {count} 位。请提供前 17 位数字。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/dependencies.py" line="34" />
      <source>The Python package '{module}' is missing. Install it (OSGeo4W Shell: python -m pip install {module}; Debian/Ubuntu: sudo apt-get install python3-{module}) and restart QGIS.</source>
      <translation>缺少 Python 软件包“{module}”。请安装（OSGeo4W Shell：python -m pip install {module}；Debian/Ubuntu：sudo apt-get install python3-{module}）后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/dependencies.py" line="40" />
      <source>The Python package '{module}' is version {version}; LandOffice needs {minimum} or newer. Upgrade it and restart QGIS.</source>
      <translation>Python 软件包“{module}”的版本为 {version}，国土所工具需要 {minimum} 或更高版本。请升级后重启 QGIS。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="380" />
      <source>The atlas coverage layer has no features: choose a layer with one feature per page.</source>
      <translation>图集覆盖图层没有要素：请选择每页对应一个要素的图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="59" />
      <source>The data file {path} cannot be read ({error}). Reinstall the plugin or correct the file.</source>
      <translation>无法读取数据文件 {path}（{error}）。请重新安装插件或修正该文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="350" />
      <source>The export was cancelled; no PDF was written.</source>
      <translation>导出已取消，未生成 PDF 文件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="76" />
      <source>The land-use code list {path} lacks the column(s) {columns}. Its header row must be: code,name,parent,level,legal_category,system,note.</source>
      <translation>地类编码表 {path} 缺少列：{columns}。表头行必须为：code,name,parent,level,legal_category,system,note。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="261" />
      <source>The layer chosen for {role} cannot be read. Check that its file exists and choose the layer again.</source>
      <translation>为{role}选择的图层无法读取。请检查其文件是否存在，然后重新选择图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="142" />
      <source>The layers to print are empty, so there is no map extent: give an extent or add features to the layers.</source>
      <translation>要打印的图层没有要素，无法确定地图范围：请指定制图范围，或先在图层中添加要素。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="321" />
      <source>The new GeoPackage {file} cannot be reopened to finish the import. Check the free disk space, then run the import again.</source>
      <translation>无法重新打开新建的 GeoPackage 文件 {file} 以完成导入。请检查磁盘剩余空间，然后重新导入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="130" />
      <source>The output folder {folder} does not exist. Create it or choose another folder.</source>
      <translation>输出文件夹 {folder} 不存在。请先创建该文件夹或选择其他文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="359" />
      <source>The output {output} must be a GeoPackage file. Choose a file name ending in .gpkg.</source>
      <translation>输出文件 {output} 必须是 GeoPackage 文件。请选择以 .gpkg 结尾的文件名。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="205" />
      <source>The print template has no map item with id 'map': reinstall the plugin.</source>
      <translation>打印模板中没有 id 为 'map' 的地图项：请重新安装插件。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="139" />
      <source>The sex cannot be read from ID number {masked}: position 17 of an 18-character ID must be a digit. Check the number.</source>
      <translation>无法从身份证号 {masked} 读出性别：18 位身份证号的第 17 位必须是数字。请核对号码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="217" />
      <source>The target CRS '{crs}' is not a valid coordinate reference system. Give an EPSG code such as EPSG:4549.</source>
      <translation>目标坐标系“{crs}”无效。请输入 EPSG 代码，例如 EPSG:4549。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/xlsx.py" line="244" />
      <source>The workbook has no sheets: add at least one sheet before saving.</source>
      <translation>工作簿中没有工作表：保存前请至少添加一个工作表。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="177" />
      <source>There are no layers to print: add at least one layer to the map.</source>
      <translation>没有要打印的图层：请至少向地图添加一个图层。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="42" />
      <source>Unexpected argument '{arg}': parameters are written --NAME VALUE.</source>
      <translation>无法识别的参数“{arg}”：参数应写作 --名称 取值。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="100" />
      <source>Unknown algorithm '{name}'. Known algorithms: {known}.</source>
      <translation>未知算法“{name}”。可用的算法：{known}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="97" />
      <source>Unknown layer role '{role}'. Use one of: {roles}.</source>
      <translation>未知的图层角色“{role}”。请使用以下之一：{roles}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="111" />
      <source>Unknown parameter(s) {names} for {alg}. Valid parameters: {valid}.</source>
      <translation>算法 {alg} 没有参数 {names}（未知参数）。有效参数：{valid}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="57" />
      <source>Unknown sample scale '{scale}'. Use one of: {choices}.</source>
      <translation>未知的示例数据规模“{scale}”。请使用以下之一：{choices}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="107" />
      <source>Unsupported paper {paper} {orientation}: choose A4 landscape, A4 portrait or A3 landscape.</source>
      <translation>不支持的纸张 {paper} {orientation}：请选择 A4 横向、A4 纵向或 A3 横向。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="158" />
      <source>WGS 84</source>
      <translation>WGS 84 坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="311" />
      <source>Writing layer '{layer}' to the GeoPackage failed: {error}. Check the free disk space and that the output folder is writable, then run the import again.</source>
      <translation>将图层“{layer}”写入 GeoPackage 失败：{error}。请检查磁盘剩余空间及输出文件夹是否可写，然后重新导入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="176" />
      <source>Writing layer {name}</source>
      <translation>正在写出图层 {name}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="189" />
      <source>Writing the GBK shapefile</source>
      <translation>正在写出 GBK 编码 shapefile</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/sample/generator.py" line="182" />
      <source>Writing the 三调-style FileGDB</source>
      <translation>正在写出三调风格 FileGDB</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="146" />
      <source>Wrote {name}: {count} features from {source_layer}</source>
      <translation>已写入 {name}：{count} 个要素，来自 {source_layer}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="154" />
      <source>Xian 1980</source>
      <translation>1980西安坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="313" />
      <source>a layer could not be exported; check the layers' data sources</source>
      <translation>有图层无法导出；请检查各图层的数据源</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="66" />
      <source>a parcel code has 19 characters, got 28: this looks like a real-estate unit number (不动产单元号); its first 19 characters are the parcel code</source>
      <translation>宗地代码为 19 位，实际为 28 位：这看起来是不动产单元号，其前 19 位即宗地代码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="71" />
      <source>an ID number has 18 characters, got {count}</source>
      <translation>身份证号应为 18 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="76" />
      <source>characters 1–17 must be digits; position(s) {positions} are not</source>
      <translation>第 1–17 位必须是数字；第 {positions} 位不是</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="94" />
      <source>encoding {encoding} ({how})</source>
      <translation>编码 {encoding}（{how}）</translation>
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
      <location filename="../landoffice_plugin/core/roles.py" line="207" />
      <source>it has the required fields of {role}: {fields}</source>
      <translation>图层含有{role}的必需字段：{fields}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="84" />
      <source>line</source>
      <translation>线</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="120" />
      <source>missing fields: {fields}</source>
      <translation>缺少字段：{fields}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="100" />
      <source>no role recognised</source>
      <translation>未识别出图层角色</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/encoding.py" line="46" />
      <source>no text found; assumed UTF-8</source>
      <translation>未找到文字内容，按 UTF-8 处理</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="92" />
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="309" />
      <source>not enough memory; try a smaller paper size or fewer layers</source>
      <translation>内存不足；请改用较小的纸张或减少图层</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="117" />
      <source>not set</source>
      <translation>未设置</translation>
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
      <location filename="../landoffice_plugin/gui/roles_dialog.py" line="120" />
      <source>ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="97" />
      <source>role {role}, because {reason}</source>
      <translation>角色：{role}，依据：{reason}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="85" />
      <source>table (no geometry)</source>
      <translation>属性表（无几何）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="66" />
      <source>the ID number is empty</source>
      <translation>身份证号为空</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="312" />
      <source>the PDF writer failed; check the disk space and try again</source>
      <translation>PDF 写入失败；请检查磁盘空间后重试</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="314" />
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
      <location filename="../landoffice_plugin/export/pdf_map.py" line="308" />
      <source>the export was cancelled</source>
      <translation>导出已取消</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="310" />
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
      <location filename="../landoffice_plugin/core/roles.py" line="205" />
      <source>the name '{name}' matches the pattern '{pattern}' of {role}</source>
      <translation>图层名“{name}”符合{role}的名称规则“{pattern}”</translation>
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
      <location filename="../landoffice_plugin/core/personal.py" line="68" />
      <source>this is an old 15-digit ID number; ask for the 18-digit number of the current card</source>
      <translation>这是旧的 15 位身份证号；请索取现行身份证上的 18 位号码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="76" />
      <source>too long: a real-estate unit number has at most 28 characters, got {count}</source>
      <translation>过长：不动产单元号最多 28 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="316" />
      <source>unknown error code {code}</source>
      <translation>未知错误代码 {code}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/import_report.py" line="85" />
      <source>unknown geometry</source>
      <translation>未知几何类型</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="65" />
      <source>with fixture type {fixture} (无定着物) positions 21–28 must be {zeros}, got '{value}'</source>
      <translation>定着物类型为 {fixture}（无定着物）时，第 21–28 位必须为 {zeros}，实际为“{value}”</translation>
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
      <location filename="../landoffice_plugin/io/importer.py" line="83" />
      <source>{path} does not exist. Check the path and choose the data again.</source>
      <translation>{path} 不存在。请检查路径并重新选择数据。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="74" />
      <source>{path} has none of the layers DLTB, XZQ, CJDCQ, YJJBNTTB, STBHHX, CZKFBJ: choose a GeoPackage with land-survey layers.</source>
      <translation>{path} 中没有 DLTB、XZQ、CJDCQ、YJJBNTTB、STBHHX、CZKFBJ 中的任何图层：请选择包含国土调查图层的 GeoPackage。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/io/importer.py" line="81" />
      <source>{path} is not a format LandOffice can import. Choose a GeoPackage (.gpkg), a FileGDB folder (.gdb), a shapefile (.shp) or a folder of shapefiles.</source>
      <translation>{path} 不是 LandOffice 可导入的格式。请选择 GeoPackage（.gpkg）、FileGDB 文件夹（.gdb）、Shapefile（.shp）或存放 Shapefile 的文件夹。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_overview_map.py" line="86" />
      <source>{role}: layer {name}</source>
      <translation>{role}：图层 {name}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/alg_generate_sample.py" line="47" />
      <source>三调-style FileGDB</source>
      <translation>三调风格 FileGDB</translation>
    </message>
  </context>
</TS>
