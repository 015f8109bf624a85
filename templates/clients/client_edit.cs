<?cs include!"header.cs" ?>
<?cs set:Page.editing = 1 ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.client.edit_title ?>: <?cs var:Card.name ?></h1>
<?cs call:dupes_box() ?>
<?cs if:subcount(Conflict) ?>
<section class="card conflict" id="conflict">
  <h2><?cs var:Lang.client.conflict_title ?></h2>
  <p><?cs var:Lang.client.conflict_text ?></p>
  <table class="list compact"><thead><tr><th><?cs var:Lang.client.conflict_field ?></th><th><?cs var:Lang.client.conflict_theirs ?></th><th><?cs var:Lang.client.conflict_yours ?></th></tr></thead>
  <tbody><?cs each:d = Conflict ?><tr><td><?cs var:d.field ?></td><td class="theirs"><?cs alt:d.theirs ?>—<?cs /alt ?></td><td class="yours"><?cs alt:d.yours ?>—<?cs /alt ?></td></tr><?cs /each ?></tbody></table>
</section>
<?cs /if ?>
<form method="post" action="/clients/<?cs var:Card.id ?>/edit" class="card-form">
  <?cs call:csrf() ?>
  <input type="hidden" name="version" value="<?cs var:Form.values.version ?>">
  <?cs include!"clients/part_card_form.cs" ?>
  <div class="card reason<?cs if:Form.errors._reason ?> invalid<?cs /if ?>">
    <label for="f-_reason"><?cs var:Lang.client.reason ?> <span class="req">*</span></label>
    <input id="f-_reason" name="_reason" type="text" maxlength="500" value="<?cs var:Form.values._reason ?>" required>
    <?cs call:error_for("_reason") ?>
    <p class="hint"><?cs var:Lang.client.reason_hint ?></p>
    <label for="f-_event_on"><?cs var:Lang.client.event_on ?></label>
    <input id="f-_event_on" name="_event_on" type="date" value="<?cs var:Form.values._event_on ?>">
    <?cs call:error_for("_event_on") ?>
    <p class="hint"><?cs var:Lang.client.event_hint ?></p>
  </div>
  <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
  <a href="/clients/<?cs var:Card.id ?>"><?cs var:Lang.client.cancel ?></a>
</form>
<?cs include!"footer.cs" ?>
