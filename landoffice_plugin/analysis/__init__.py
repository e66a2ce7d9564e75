"""用地潜力分析 (potential-land analysis): a headless engine on whole shapely arrays.

Modules: :mod:`.categories` (ids, names, precedence), :mod:`.rules` (the TOML rules file),
:mod:`.loading` (layers → shapely arrays), :mod:`.geomops` (repair, snap, vectorised overlays),
``cat_*`` (one family of categories each), :mod:`.merge` (precedence and constraints),
:mod:`.engine` (the run), :mod:`.summary`, :mod:`.report_xlsx`, :mod:`.report_pdf`,
:mod:`.result_layer`.
"""
