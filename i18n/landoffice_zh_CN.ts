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
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="219" />
      <source>'{code}' is not a valid parcel code (宗地代码, 19 characters, GB/T 37346-2019): {problems}. Correct these positions and enter the code again.</source>
      <translation>“{code}”不是有效的宗地代码（19 位，GB/T 37346-2019）：{problems}。请改正上述位置后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="232" />
      <source>'{code}' is not a valid real-estate unit number (不动产单元号, 28 characters, GB/T 37346-2019): {problems}. Correct these positions and enter the number again.</source>
      <translation>“{code}”不是有效的不动产单元号（28 位，GB/T 37346-2019）：{problems}。请改正上述位置后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="170" />
      <source>'{code}' looks like a 3-digit GB/T 21010-2007 land-use code. Convert it to the 4-digit GB/T 21010-2017 code (e.g. 011 水田 → 0101) before loading.</source>
      <translation>“{code}”看起来是 GB/T 21010-2007 的 3 位地类编码。请先转换为 GB/T 21010-2017 的 4 位编码（如 011 水田 → 0101）再加载。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="75" />
      <source>'{value}' is not a fixture type code ({valid})</source>
      <translation>“{value}”不是定着物类型代码（{valid}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="74" />
      <source>'{value}' is not a parcel type code ({valid})</source>
      <translation>“{value}”不是宗地特征码（{valid}）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="72" />
      <source>'{value}' is not a province code (GB/T 2260); a county code starts with one, e.g. 32 江苏省</source>
      <translation>“{value}”不是省级行政区划代码（GB/T 2260）；县级代码应以省级代码开头，如 32 江苏省</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="73" />
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
      <location filename="../landoffice_plugin/core/crs.py" line="156" />
      <source>Beijing 1954</source>
      <translation>1954北京坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="92" />
      <source>Cannot read the land-use code list {path} ({reason}). Check that the file exists and is saved as UTF-8 CSV.</source>
      <translation>无法读取地类编码表 {path}（{reason}）。请确认文件存在并以 UTF-8 编码的 CSV 格式保存。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="318" />
      <source>Could not export the PDF map {path}: {reason}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="323" />
      <source>Could not write {path}: {error}. Close the file if it is open in a PDF viewer, or choose another name.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/processing/base.py" line="21" />
      <source>Data</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="185" />
      <source>Finished in {seconds:.1f} s.</source>
      <translation>完成，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="306" />
      <source>Folder {folder} does not exist: choose an existing folder for the PDF.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="309" />
      <source>Folder {folder} is not writable: choose another folder for the PDF.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="18" />
      <source>Generate sample county…</source>
      <translation>生成示例县数据…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="105" />
      <source>ID number {masked} is not valid: {problems}. Check it against the ID card and enter it again.</source>
      <translation>身份证号 {masked} 无效：{problems}。请对照身份证核对后重新输入。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/gui/main_ui.py" line="16" />
      <source>Import survey data…</source>
      <translation>导入调查数据…</translation>
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
      <location filename="../landoffice_plugin/core/roles.py" line="250" />
      <source>Layer '{layer}' cannot be used as {role}: it has no field for {fields}. Open the field mapping of {role} and choose the layer's field for each, or add the missing fields to the layer.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="264" />
      <source>Layer '{layer}' has {kind} geometry but {role} needs {expected}. Choose another layer for {role}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="169" />
      <source>Layer {name} cannot be printed because it is not valid: check its data source.</source>
      <translation type="unfinished" />
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
      <location filename="../landoffice_plugin/cli.py" line="88" />
      <source>Outputs:</source>
      <translation>输出：</translation>
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
      <location filename="../landoffice_plugin/gui/main_ui.py" line="17" />
      <source>Print overview map…</source>
      <translation>打印概览图…</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="123" />
      <source>Print template {path} could not be read: reinstall the plugin.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="109" />
      <source>Print template {path} is missing: reinstall the plugin.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="68" />
      <source>Role {role} in {path} has an unknown geometry '{geometry}'. Use one of: {kinds}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="77" />
      <source>Run 'python -m landoffice_plugin ALGORITHM --help' for its parameters.</source>
      <translation>运行 'python -m landoffice_plugin 算法名 --help' 查看其参数。</translation>
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
      <location filename="../landoffice_plugin/export/pdf_map.py" line="361" />
      <source>The atlas coverage layer has no features: choose a layer with one feature per page.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="58" />
      <source>The data file {path} cannot be read ({error}). Reinstall the plugin or correct the file.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="331" />
      <source>The export was cancelled; no PDF was written.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="76" />
      <source>The land-use code list {path} lacks the column(s) {columns}. Its header row must be: code,name,parent,level,legal_category,system,note.</source>
      <translation>地类编码表 {path} 缺少列：{columns}。表头行必须为：code,name,parent,level,legal_category,system,note。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="260" />
      <source>The layer chosen for {role} cannot be read. Check that its file exists and choose the layer again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="139" />
      <source>The layers to print are empty, so there is no map extent: give an extent or add features to the layers.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="190" />
      <source>The print template has no map item with id 'map': reinstall the plugin.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="139" />
      <source>The sex cannot be read from ID number {masked}: position 17 of an 18-character ID must be a digit. Check the number.</source>
      <translation>无法从身份证号 {masked} 读出性别：18 位身份证号的第 17 位必须是数字。请核对号码。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="166" />
      <source>There are no layers to print: add at least one layer to the map.</source>
      <translation type="unfinished" />
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
      <location filename="../landoffice_plugin/core/roles.py" line="96" />
      <source>Unknown layer role '{role}'. Use one of: {roles}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="111" />
      <source>Unknown parameter(s) {names} for {alg}. Valid parameters: {valid}.</source>
      <translation>算法 {alg} 没有参数 {names}（未知参数）。有效参数：{valid}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="104" />
      <source>Unsupported paper {paper} {orientation}: choose A4 landscape, A4 portrait or A3 landscape.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="158" />
      <source>WGS 84</source>
      <translation>WGS 84 坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="154" />
      <source>Xian 1980</source>
      <translation>1980西安坐标系</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="294" />
      <source>a layer could not be exported; check the layers' data sources</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="77" />
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
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="82" />
      <source>expected 19 (parcel code 宗地代码) or 28 (real-estate unit number 不动产单元号) characters, got {count}</source>
      <translation>应为 19 位（宗地代码）或 28 位（不动产单元号），实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="81" />
      <source>expected {expected} characters, got {count}</source>
      <translation>应为 {expected} 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="206" />
      <source>it has the required fields of {role}: {fields}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="290" />
      <source>not enough memory; try a smaller paper size or fewer layers</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="85" />
      <source>position {start}</source>
      <translation>第 {start} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="85" />
      <source>positions 7–14 are not a valid birth date (YYYYMMDD)</source>
      <translation>第 7–14 位不是有效的出生日期（YYYYMMDD）</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="86" />
      <source>positions {start}–{end}</source>
      <translation>第 {start}–{end} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="66" />
      <source>the ID number is empty</source>
      <translation>身份证号为空</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="293" />
      <source>the PDF writer failed; check the disk space and try again</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="295" />
      <source>the atlas pages could not be produced; check the coverage layer</source>
      <translation type="unfinished" />
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
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="67" />
      <source>the cadastral district 地籍区 (positions 7–9) must be digits, got '{value}'</source>
      <translation>地籍区代码（第 7–9 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="68" />
      <source>the cadastral sub-district 地籍子区 (positions 10–12) must be digits, got '{value}'</source>
      <translation>地籍子区代码（第 10–12 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="94" />
      <source>the check digit (position 18) should be {expected}, got {actual}</source>
      <translation>校验码（第 18 位）应为 {expected}，实际为 {actual}</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="66" />
      <source>the county code (positions 1–6, GB/T 2260) must be digits, got '{value}'</source>
      <translation>县级行政区划代码（第 1–6 位，GB/T 2260）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="289" />
      <source>the export was cancelled</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="291" />
      <source>the file could not be written; check that the folder exists, is writable and the file is not open in another program</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="71" />
      <source>the fixture number (positions 21–28) must be digits, got '{value}'</source>
      <translation>定着物编号（第 21–28 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="79" />
      <source>the last character (position 18) must be a digit or X</source>
      <translation>最后一位（第 18 位）必须是数字或 X</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/roles.py" line="204" />
      <source>the name '{name}' matches the pattern '{pattern}' of {role}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="69" />
      <source>the parcel sequence number (positions 15–19) must be digits, got '{value}'</source>
      <translation>宗地顺序号（第 15–19 位）必须是数字，实际为“{value}”</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="68" />
      <source>this is an old 15-digit ID number; ask for the 18-digit number of the current card</source>
      <translation>这是旧的 15 位身份证号；请索取现行身份证上的 18 位号码</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="87" />
      <source>too long: a real-estate unit number has at most 28 characters, got {count}</source>
      <translation>过长：不动产单元号最多 28 位，实际为 {count} 位</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/export/pdf_map.py" line="297" />
      <source>unknown error code {code}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="76" />
      <source>with fixture type {fixture} (无定着物) positions 21–28 must be {zeros}, got '{value}'</source>
      <translation>定着物类型为 {fixture}（无定着物）时，第 21–28 位必须为 {zeros}，实际为“{value}”</translation>
    </message>
  </context>
</TS>
