<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.complaints ?>">
  <a href="/complaints"><?cs var:Lang.complaint.open_all ?></a>
  <a href="/complaints?mine=1"><?cs var:Lang.complaint.open_mine ?></a>
  <a href="/surveys" aria-current="page"><?cs var:Lang.survey.stats ?></a>
</nav>
<div class="page-head">
  <h1><?cs var:Lang.survey.stats ?> <?cs var:Page.year ?></h1>
  <div><a class="button" href="/surveys?year=<?cs var:Page.prev ?>"><?cs var:Lang.admin.calendar.prev ?></a> <a class="button" href="/surveys?year=<?cs var:Page.next ?>"><?cs var:Lang.admin.calendar.next ?></a></div>
</div>
<p class="hint"><?cs var:Lang.survey.stats_hint ?></p>
<?cs def:stats_table(group, title, rows) ?>
<section class="card" id="stats-<?cs var:group ?>">
  <h2><?cs var:title ?></h2>
  <?cs if:subcount(rows) ?>
  <table class="list compact">
    <thead><tr><th></th><th class="num"><?cs var:Lang.survey.count ?></th><?cs each:q = Lang.survey.q ?><th class="num"><?cs var:q ?></th><?cs /each ?></tr></thead>
    <tbody><?cs each:s = rows ?><tr><td><?cs alt:s.name ?>—<?cs /alt ?></td><td class="num"><?cs var:s.n ?></td><td class="num"><?cs var:s.service ?></td><td class="num"><?cs var:s.price ?></td><td class="num"><?cs var:s.overall ?></td></tr><?cs /each ?></tbody>
  </table>
  <?cs else ?><p class="empty"><?cs var:Lang.survey.none ?></p><?cs /if ?>
</section>
<?cs /def ?>
<div class="grid two">
<?cs call:stats_table("dept", Lang.survey.by_dept, Stats.dept) ?>
<?cs call:stats_table("grade", Lang.survey.by_grade, Stats.grade) ?>
</div>
<?cs call:stats_table("owner", Lang.survey.by_owner, Stats.owner) ?>
<?cs include!"footer.cs" ?>
