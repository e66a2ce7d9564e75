<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>LandOffice</name>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="135" />
      <source>"{crs}" is not a coordinate reference system QGIS knows. Use an EPSG code such as 4490 (CGCS2000) or 4549 (CGCS2000 3-degree zone, CM 120E).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="175" />
      <source>'{code}' is not a known land-use code. Use a GB/T 21010-2017 code (e.g. 0101 水田, 0702 农村宅基地) or a 三调 variant (e.g. 0201K, 1104A); the {count} valid codes are listed in {source}.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="223" />
      <source>'{code}' is not a valid parcel code (宗地代码, 19 characters, GB/T 37346-2019): {problems}. Correct these positions and enter the code again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/parcel_codes.py" line="236" />
      <source>'{code}' is not a valid real-estate unit number (不动产单元号, 28 characters, GB/T 37346-2019): {problems}. Correct these positions and enter the number again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="170" />
      <source>'{code}' looks like a 3-digit GB/T 21010-2007 land-use code. Convert it to the 4-digit GB/T 21010-2017 code (e.g. 011 水田 → 0101) before loading.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="120" />
      <source>--{name} must be one of: {options}.</source>
      <translation>--{name} 只能取以下值之一：{options}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="68" />
      <source>3-degree Gauss-Kruger zone {zone} is outside China's zones 25 to 45. Check the longitude or zone number you entered.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="79" />
      <source>6-degree Gauss-Kruger zone {zone} is outside China's zones 13 to 23. Check the longitude or zone number you entered.</source>
      <translation type="unfinished" />
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
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="92" />
      <source>Cannot read the land-use code list {path} ({reason}). Check that the file exists and is saved as UTF-8 CSV.</source>
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
      <location filename="../landoffice_plugin/core/personal.py" line="105" />
      <source>ID number {masked} is not valid: {problems}. Check it against the ID card and enter it again.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/cli.py" line="132" />
      <source>Invalid value '{value}' for --{name}.</source>
      <translation>--{name} 的取值“{value}”无效。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/landuse.py" line="60" />
      <source>Land-use code {code} appears twice in {path}. Keep one row per code and reload.</source>
      <translation type="unfinished" />
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
      <location filename="../landoffice_plugin/core/crs.py" line="220" />
      <source>Layer "{layer}" has a coordinate reference system QGIS cannot identify ({crs}). Check the .prj file and define the layer's CRS as the CGCS2000 system its coordinates use (e.g. EPSG:{suggest}).</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="213" />
      <source>Layer "{layer}" has no coordinate reference system. Define the CRS its coordinates were surveyed in (normally CGCS2000, e.g. EPSG:4549) in the layer properties before measuring areas.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="194" />
      <source>Layer "{layer}" is defined as EPSG:{epsg} (no zone prefix), but its eastings (about {east:.0f} m) start with zone number {zone}. Define the layer's CRS as the zone-prefixed system (for zone {zone}: EPSG:{fix}) instead of reprojecting it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="200" />
      <source>Layer "{layer}" is defined as EPSG:{epsg} (with zone prefix {zone}), but its eastings (about {east:.0f} m) carry no zone prefix. Define the layer's CRS as the system without prefix (EPSG:{fix}) instead of reprojecting it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="244" />
      <source>Layer "{layer}" is defined as geographic CGCS2000 (EPSG:4490, degrees), but its coordinates are metres. Define the layer's CRS as the Gauss-Kruger system they were measured in (e.g. EPSG:4549 or EPSG:4528) instead of reprojecting it.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="228" />
      <source>Layer "{layer}" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Convert it to CGCS2000 (e.g. EPSG:{suggest}) with the official conversion parameters for your area: a plain reprojection without them can shift parcels by metres. If the coordinates are already CGCS2000 and only the CRS is wrong, define the layer's CRS instead.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="235" />
      <source>Layer "{layer}" is in {system} ({crs}, EPSG:{epsg}), not CGCS2000. Reproject it to CGCS2000 (e.g. EPSG:{suggest}); if the coordinates are already CGCS2000 and only the CRS is wrong, define the layer's CRS instead.</source>
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
      <translation type="unfinished" />
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
      <location filename="../landoffice_plugin/cli.py" line="77" />
      <source>Run 'python -m landoffice_plugin ALGORITHM --help' for its parameters.</source>
      <translation>运行 'python -m landoffice_plugin 算法名 --help' 查看其参数。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="46" />
      <source>The ID check digit needs exactly 17 digits (the ID number without its last character), got {count} characters. Pass the first 17 digits.</source>
      <translation type="unfinished" />
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
      <location filename="../landoffice_plugin/core/landuse.py" line="76" />
      <source>The land-use code list {path} lacks the column(s) {columns}. Its header row must be: code,name,parent,level,legal_category,system,note.</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="139" />
      <source>The sex cannot be read from ID number {masked}: position 17 of an 18-character ID must be a digit. Check the number.</source>
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
      <location filename="../landoffice_plugin/cli.py" line="111" />
      <source>Unknown parameter(s) {names} for {alg}. Valid parameters: {valid}.</source>
      <translation>算法 {alg} 没有参数 {names}（未知参数）。有效参数：{valid}。</translation>
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="158" />
      <source>WGS 84</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/crs.py" line="154" />
      <source>Xian 1980</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="71" />
      <source>an ID number has 18 characters, got {count}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="76" />
      <source>characters 1–17 must be digits; position(s) {positions} are not</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="85" />
      <source>positions 7–14 are not a valid birth date (YYYYMMDD)</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="66" />
      <source>the ID number is empty</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="89" />
      <source>the birth date (positions 7–14) is before {year}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="87" />
      <source>the birth date (positions 7–14) lies in the future</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="94" />
      <source>the check digit (position 18) should be {expected}, got {actual}</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="79" />
      <source>the last character (position 18) must be a digit or X</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../landoffice_plugin/core/personal.py" line="68" />
      <source>this is an old 15-digit ID number; ask for the 18-digit number of the current card</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>
