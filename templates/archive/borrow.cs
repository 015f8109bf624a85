<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients/<?cs var:Item.client_id ?>"><?cs var:Item.client ?></a> › <a href="/archive/items/<?cs var:Item.id ?>"><?cs var:Item.no ?></a></p>
<h1><?cs var:Lang.archive.borrow ?> <small><?cs var:Item.no ?> <?cs var:Item.title ?></small></h1>
<section class="card narrow-wide">
  <p><?cs var:Lang.archive.f.secrecy ?>: <strong class="secrecy-<?cs var:Item.secrecy ?>"><?cs var:Lang.archive.secrecy[Item.secrecy] ?></strong> — <span id="rule"><?cs var:Rule.text ?></span></p>
  <?cs if:Rule.refused ?>
  <p class="alert" id="refused"><?cs var:Lang.archive.top_secret_refused ?></p>
  <?cs else ?>
  <?cs if:Page.pending_id ?><p><a href="/requests/<?cs var:Page.pending_id ?>">#<?cs var:Page.pending_id ?></a></p><?cs /if ?>
  <p class="hint"><?cs if:Page.direct ?><?cs var:Lang.archive.direct_hint ?><?cs else ?><?cs var:Lang.archive.request_hint ?><?cs /if ?></p>
  <form method="post" action="/archive/items/<?cs var:Item.id ?>/borrow">
    <?cs call:csrf() ?>
    <div class="field wide<?cs if:Form.errors._reason ?> invalid<?cs /if ?>">
      <label for="f-reason"><?cs var:Lang.archive.f.reason ?> <span class="req">*</span></label>
      <textarea id="f-reason" name="_reason" rows="3" maxlength="500" required><?cs var:Form.values._reason ?></textarea>
      <?cs call:error_for("_reason") ?>
    </div>
    <button type="submit" class="primary"><?cs if:Page.direct ?><?cs var:Lang.archive.borrow_direct ?><?cs else ?><?cs var:Lang.archive.borrow_send ?><?cs /if ?></button>
  </form>
  <?cs /if ?>
</section>
<?cs include!"footer.cs" ?>
