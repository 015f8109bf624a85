<?cs include!"header.cs" ?>
<h1><?cs var:Lang.archive.admin ?></h1>
<section class="card"><h2><?cs var:Lang.archive.types ?></h2>
<p class="hint"><?cs var:Lang.archive.types_hint ?></p>
<table class="list compact" id="types"><thead><tr><th><?cs var:Lang.archive.f.code ?></th><th><?cs var:Lang.archive.f.name_zh ?></th><th><?cs var:Lang.archive.f.name_en ?></th><th><?cs var:Lang.archive.f.sort ?></th></tr></thead>
<tbody><?cs each:t = Types ?><tr><td><?cs var:t.code ?></td><td><?cs var:t.name_zh ?></td><td><?cs var:t.name_en ?></td><td><?cs var:t.sort ?></td></tr><?cs /each ?></tbody></table>
<form method="post" action="/admin/archive/types" class="grid two"><?cs call:csrf() ?>
  <?cs call:text_field("code", Lang.archive.f.code, "text", "maxlength=8 required") ?>
  <?cs call:text_field("name_zh", Lang.archive.f.name_zh, "text", "maxlength=40 required") ?>
  <?cs call:text_field("name_en", Lang.archive.f.name_en, "text", "maxlength=60 required") ?>
  <?cs call:text_field("sort", Lang.archive.f.sort, "number", "min=0") ?>
  <button type="submit"><?cs var:Lang.archive.add_type ?></button>
</form></section>
<section class="card"><h2><?cs var:Lang.archive.locations ?></h2>
<table class="list compact" id="locations"><thead><tr><th><?cs var:Lang.archive.f.kind ?></th><th><?cs var:Lang.archive.f.place ?></th></tr></thead>
<tbody><?cs each:l = Locations ?><tr><td><?cs var:Lang.archive.kind[l.kind] ?></td><td><?cs var:l.path ?><?cs if:l.kind == "box" ?> <a href="/archive/labels?box=<?cs var:l.id ?>"><?cs var:Lang.archive.label ?></a><?cs /if ?></td></tr><?cs /each ?></tbody></table>
<form method="post" action="/admin/archive/locations" class="grid two"><?cs call:csrf() ?>
  <div class="field"><label for="f-kind"><?cs var:Lang.archive.f.kind ?></label><select id="f-kind" name="kind"><?cs each:k = Lang.archive.kind ?><option value="<?cs name:k ?>"><?cs var:k ?></option><?cs /each ?></select></div>
  <div class="field<?cs if:Form.errors.parent_id ?> invalid<?cs /if ?>"><label for="f-parent_id"><?cs var:Lang.archive.f.parent ?></label><select id="f-parent_id" name="parent_id"><option value="">—</option><?cs each:l = Locations ?><option value="<?cs var:l.id ?>"><?cs var:l.path ?></option><?cs /each ?></select><?cs call:error_for("parent_id") ?></div>
  <?cs call:text_field("name", Lang.archive.f.name, "text", "maxlength=60 required") ?>
  <button type="submit"><?cs var:Lang.archive.add_location ?></button>
</form></section>
<?cs include!"footer.cs" ?>
