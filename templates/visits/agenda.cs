<?cs include!"header.cs" ?>
<nav class="tabs" aria-label="<?cs var:Lang.nav.agenda ?>">
  <a href="/agenda" aria-current="page"><?cs var:Lang.visit.agenda ?></a>
  <a href="/visits"><?cs var:Lang.visit.mine ?></a>
</nav>
<div class="page-head">
  <h1><?cs var:Lang.visit.agenda ?><?cs if:Page.other ?> <small id="agenda-of"><?cs var:Subject.name ?> · <?cs var:Subject.dept ?></small><?cs /if ?></h1>
  <?cs if:Can.others ?>
  <form method="get" action="/agenda" class="filters"><?cs call:person_field("user", Lang.visit.whose) ?><button type="submit"><?cs var:Lang.visit.open ?></button></form>
  <?cs /if ?>
</div>
<p class="hint"><?cs var:Lang.visit.agenda_hint ?></p>
<p id="filing-late"><?cs var:Lang.visit.late_filings ?>: <?cs var:Lang.visit.late_new ?> <strong><?cs var:Filing.late_new ?></strong> · <?cs var:Lang.visit.late_changes ?> <strong><?cs var:Filing.late_changes ?></strong></p>
<?cs if:Page.more_than ?><p class="alert"><?cs var:Lang.visit.more_than ?> <?cs var:Page.more_than ?></p><?cs /if ?>
<?cs def:agenda_group(key, rows) ?>
<section class="card agenda" id="agenda-<?cs var:key ?>">
  <h2><?cs var:Lang.visit.group[key] ?><?cs if:subcount(rows) ?> <span class="count"><?cs var:subcount(rows) ?><?cs if:key == "overdue" && Page.overdue_more ?>+<?cs /if ?></span><?cs /if ?></h2>
  <?cs if:subcount(rows) ?>
  <table class="list compact">
    <thead><tr><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.f.lifecycle ?></th><th><?cs var:Lang.client.next_visit ?></th><th><?cs var:Lang.client.last_visit ?></th><th></th></tr></thead>
    <tbody><?cs each:c = rows ?><tr><td><a href="/clients/<?cs var:c.id ?>"><?cs var:c.name ?></a></td><td><?cs var:Lang.client.opt.lifecycle[c.lifecycle] ?></td><td class="nowrap<?cs if:key == "overdue" ?> overdue<?cs /if ?>"><?cs var:c.due ?></td><td class="nowrap"><?cs alt:c.last ?>—<?cs /alt ?></td><td><?cs if:!Page.other ?><a class="button small" href="/clients/<?cs var:c.id ?>/visits/new"><?cs var:Lang.visit.new ?></a><?cs /if ?></td></tr><?cs /each ?></tbody>
  </table>
  <?cs if:key == "overdue" && Page.overdue_more ?><p class="more" id="overdue-more"><?cs var:Lang.visit.overdue_more ?> <a href="/clients?owner=<?cs var:Subject.id ?>&amp;due=overdue&amp;sort=due"><?cs var:Lang.visit.all_overdue ?></a></p><?cs /if ?>
  <?cs else ?><p class="empty"><?cs var:Lang.visit.group_empty ?></p><?cs /if ?>
</section>
<?cs /def ?>
<?cs call:agenda_group("overdue", Agenda.overdue) ?>
<?cs call:agenda_group("today", Agenda.today) ?>
<?cs call:agenda_group("this_week", Agenda.this_week) ?>
<?cs call:agenda_group("next_week", Agenda.next_week) ?>
<?cs call:panels() ?>
<?cs include!"footer.cs" ?>
