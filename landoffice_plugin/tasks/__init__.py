"""Field tasks (核查任务, layer RWTB): what the office finds wrong or changed, sent to the field and brought back.

* :mod:`.model` — red lights (质检, ``landoffice:qualitycheck``) and change clues (疑似违法用地,
  ``landoffice:landusechange``) become tasks: one per problem, keyed by its source so the same problem
  is never sent twice;
* :mod:`.publish` — tasks written to the data centre's RWTB collection (``checkout`` then carries a
  township's tasks to the laptop with every patch and parcel around them);
* :mod:`.evidence` — a photo attached to a task: position, direction and time from its EXIF (or
  entered), its SHA-256 recorded so a later change of the file is found before the sync;
* :mod:`.report` — progress per township (open / checked / fixed) and the task report (xlsx, PDF with
  each task's photos).

Engine code: no widgets, runs headless.
"""
