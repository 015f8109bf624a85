<?cs include!"header.cs" ?>
<?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Lang.archive.retention ?></h1>
<p class="hint"><?cs var:Lang.archive.retention_hint ?></p>
<?cs if:subcount(Items) ?>
<form method="post" action="/archive/retention">
  <?cs call:csrf() ?>
  <table class="list" id="due">
    <thead><tr><th></th><th><?cs var:Lang.archive.f.dept ?></th><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.client ?></th><th><?cs var:Lang.archive.f.doc_date ?></th><th><?cs var:Lang.archive.f.retention ?></th><th><?cs var:Lang.archive.f.secrecy ?></th><th><?cs var:Lang.archive.due_on ?></th></tr></thead>
    <tbody><?cs each:i = Items ?>
      <tr><td><?cs if:i.legal_hold == "1" ?><a href="/clients/<?cs var:i.client_id ?>/legal-hold" class="badge"><?cs var:Lang.archive.legal_hold ?></a><?cs else ?><input type="checkbox" name="item" value="<?cs var:i.id ?>" aria-label="<?cs var:i.no ?>"><?cs /if ?></td>
      <td><?cs var:i.dept ?></td><td><a href="/archive/items/<?cs var:i.id ?>"><?cs var:i.no ?></a></td><td><?cs var:i.title ?></td><td><?cs var:i.client ?></td><td><?cs var:i.doc_date ?></td><td><?cs var:Lang.archive.rtn["y" + i.retention] ?></td><td><?cs var:Lang.archive.secrecy[i.secrecy] ?></td><td><?cs var:i.due ?></td></tr>
    <?cs /each ?></tbody>
  </table>
  <div class="field wide<?cs if:Form.errors._reason ?> invalid<?cs /if ?>">
    <label for="f-reason"><?cs var:Lang.archive.f.reason ?> <span class="req">*</span></label>
    <textarea id="f-reason" name="_reason" rows="2" maxlength="500" required><?cs var:Form.values._reason ?></textarea>
    <?cs call:error_for("_reason") ?>
  </div>
  <button type="submit" class="primary"><?cs var:Lang.archive.batch_create ?></button>
</form>
<?cs else ?><p class="empty"><?cs var:Lang.archive.none_due ?></p><?cs /if ?>
<h2><?cs var:Lang.archive.batches ?></h2>
<?cs if:subcount(Batches) ?>
<table class="list" id="batches">
  <thead><tr><th><?cs var:Lang.archive.batch ?></th><th><?cs var:Lang.archive.f.dept ?></th><th><?cs var:Lang.archive.batch_status ?></th><th><?cs var:Lang.archive.batch_count ?></th><th><?cs var:Lang.archive.hold_until ?></th></tr></thead>
  <tbody><?cs each:b = Batches ?>
    <tr><td><a href="/archive/destruction/<?cs var:b.id ?>">#<?cs var:b.id ?></a> <?cs var:b.creator ?> <?cs var:b.created_at ?></td><td><?cs var:b.dept ?></td><td><?cs var:Lang.archive.bstatus[b.status] ?></td><td><?cs var:b.n ?></td><td><?cs var:b.hold_until ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.archive.no_batches ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
