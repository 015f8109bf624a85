<?cs include!"header.cs" ?>
<?cs set:Page.tab = "placing" ?><?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Lang.archive.placing ?></h1>
<p class="hint"><?cs var:Lang.archive.placing_hint ?></p>
<?cs if:subcount(Items) ?>
<table class="list" id="waiting">
  <thead><tr><th><?cs var:Lang.archive.f.dept ?></th><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.client ?></th><th><?cs var:Lang.archive.f.approved ?></th><th><?cs var:Lang.archive.f.place ?></th></tr></thead>
  <tbody><?cs each:i = Items ?>
    <tr><td><?cs var:i.dept ?></td><td><a href="/archive/items/<?cs var:i.id ?>"><?cs var:i.no ?></a></td><td><?cs var:i.title ?></td><td><?cs var:i.client ?></td><td><?cs var:i.approved_by ?> <?cs var:i.approved_at ?></td>
    <td><form method="post" action="/archive/items/<?cs var:i.id ?>/place" class="inline"><?cs call:csrf() ?>
      <select name="location_id" aria-label="<?cs var:Lang.archive.f.place ?>"><?cs each:l = Locations ?><option value="<?cs var:l.id ?>"<?cs if:l.kind != "box" ?> disabled<?cs /if ?>><?cs var:l.path ?></option><?cs /each ?></select>
      <button type="submit"><?cs var:Lang.archive.place ?></button></form></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.archive.none_waiting ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
