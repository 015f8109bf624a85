<?cs include!"header.cs" ?>
<div class="page-head"><h1><?cs var:Lang.report.index ?></h1></div>
<p class="hint"><?cs var:Lang.report.index_hint ?></p>
<ul class="report-index">
<?cs each:p = Reports ?>
  <li id="report-<?cs var:p.name ?>"><a href="/reports/<?cs var:p.name ?>"><?cs var:p.title ?></a> — <span class="hint"><?cs var:p.hint ?></span></li>
<?cs /each ?>
</ul>
<?cs include!"footer.cs" ?>
