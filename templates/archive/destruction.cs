<?cs include!"header.cs" ?>
<?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Lang.archive.destruction_register ?></h1>
<p class="hint screen-only"><?cs var:Lang.archive.destruction_hint ?></p>
<?cs if:subcount(Lines) ?>
<table class="list" id="destroyed">
  <thead><tr><th>#</th><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.client ?></th><th><?cs var:Lang.archive.f.doc_date ?></th><th><?cs var:Lang.archive.f.retention ?></th><th><?cs var:Lang.archive.f.secrecy ?></th><th><?cs var:Lang.archive.d_place ?></th><th><?cs var:Lang.archive.d_on ?></th><th><?cs var:Lang.archive.d_executor ?></th><th><?cs var:Lang.archive.d_supervisor ?></th></tr></thead>
  <tbody><?cs each:l = Lines ?>
    <tr><td><a href="/archive/destruction/<?cs var:l.batch_id ?>"><?cs var:l.batch_id ?></a></td><td><?cs var:l.no ?></td><td><?cs var:l.title ?></td><td><?cs var:l.client ?></td><td><?cs var:l.doc_date ?></td><td><?cs var:Lang.archive.rtn["y" + l.retention] ?></td><td><?cs var:Lang.archive.secrecy[l.secrecy] ?></td><td><?cs var:l.place ?></td><td><?cs var:l.destroyed_on ?></td><td><?cs var:l.executor ?></td><td><?cs var:l.supervisor ?> <?cs var:l.confirmed_at ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.archive.none_destroyed ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
