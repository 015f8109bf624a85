<?cs include!"header.cs" ?>
<p class="crumbs screen-only"><a href="/archive/retention"><?cs var:Lang.archive.retention ?></a></p>
<h1><?cs var:Lang.archive.batch ?> #<?cs var:Batch.id ?> <small id="batch-status"><?cs var:Lang.archive.bstatus[Batch.status] ?></small></h1>
<dl class="facts">
  <dt><?cs var:Lang.archive.f.dept ?></dt><dd><?cs var:Batch.dept ?></dd>
  <dt><?cs var:Lang.archive.batch_by ?></dt><dd><?cs var:Batch.creator ?> <?cs var:Batch.created_at ?></dd>
  <?cs if:Batch.request_id ?><dt><?cs var:Lang.archive.batch_request ?></dt><dd><a href="/requests/<?cs var:Batch.request_id ?>">#<?cs var:Batch.request_id ?></a></dd><?cs /if ?>
  <?cs if:Batch.hold_until ?><dt><?cs var:Lang.archive.hold_until ?></dt><dd><?cs var:Batch.hold_until ?></dd><?cs /if ?>
  <?cs if:Batch.place ?><dt><?cs var:Lang.archive.d_place ?></dt><dd><?cs var:Batch.place ?></dd>
  <dt><?cs var:Lang.archive.d_on ?></dt><dd><?cs var:Batch.destroyed_on ?></dd>
  <dt><?cs var:Lang.archive.d_executor ?></dt><dd><?cs var:Batch.executor ?></dd>
  <dt><?cs var:Lang.archive.d_supervisor ?></dt><dd><?cs var:Batch.supervisor ?><?cs if:Batch.confirmed_at ?> — <?cs var:Lang.archive.confirmed ?> <?cs var:Batch.confirmed_at ?><?cs /if ?></dd><?cs /if ?>
</dl>
<?cs if:Batch.held != "0" ?><p class="alert"><?cs var:Lang.archive.legal_hold_refused ?></p><?cs /if ?>
<table class="list" id="batch-items">
  <thead><tr><th><?cs var:Lang.archive.f.no ?></th><th><?cs var:Lang.archive.f.title ?></th><th><?cs var:Lang.archive.f.client ?></th><th><?cs var:Lang.archive.f.doc_date ?></th><th><?cs var:Lang.archive.f.retention ?></th><th><?cs var:Lang.archive.f.secrecy ?></th><th><?cs var:Lang.archive.f.status ?></th></tr></thead>
  <tbody><?cs each:i = Items ?>
    <tr><td><a href="/archive/items/<?cs var:i.id ?>"><?cs var:i.no ?></a></td><td><?cs var:i.title ?></td><td><?cs var:i.client ?><?cs if:i.legal_hold == "1" ?> <span class="badge"><?cs var:Lang.archive.legal_hold ?></span><?cs /if ?></td><td><?cs var:i.doc_date ?></td><td><?cs var:Lang.archive.rtn["y" + i.retention] ?></td><td><?cs var:Lang.archive.secrecy[i.secrecy] ?></td><td><?cs var:Lang.archive.status[i.status] ?></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs if:Page.may_record ?>
<section class="card screen-only">
  <h2><?cs var:Lang.archive.record ?></h2>
  <form method="post" action="/archive/destruction/<?cs var:Batch.id ?>/record">
    <?cs call:csrf() ?>
    <?cs call:text_field("place", Lang.archive.d_place, "text", "maxlength=200 required") ?>
    <?cs call:text_field("destroyed_on", Lang.archive.d_on, "date", "required") ?>
    <?cs call:text_field("executor", Lang.archive.d_executor, "text", "maxlength=100 required") ?>
    <?cs call:person_field("supervisor", Lang.archive.d_supervisor) ?>
    <button type="submit" class="primary"><?cs var:Lang.archive.record_save ?></button>
  </form>
</section>
<?cs /if ?>
<?cs if:Page.may_confirm ?>
<section class="card screen-only">
  <p><?cs var:Lang.archive.confirm_hint ?></p>
  <form method="post" action="/archive/destruction/<?cs var:Batch.id ?>/confirm"><?cs call:csrf() ?>
    <button type="submit" class="primary"><?cs var:Lang.archive.confirm ?></button></form>
</section>
<?cs /if ?>
<?cs include!"footer.cs" ?>
