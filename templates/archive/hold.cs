<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients/<?cs var:Client.id ?>"><?cs var:Client.name ?></a></p>
<h1><?cs var:Lang.archive.legal_hold ?> <small><?cs var:Client.name ?></small></h1>
<section class="card narrow-wide">
  <p id="hold-state"><?cs if:Client.legal_hold == "1" ?><strong><?cs var:Lang.archive.hold_on ?></strong> — <?cs var:Client.reason ?><?cs else ?><?cs var:Lang.archive.hold_off ?><?cs /if ?></p>
  <p class="hint"><?cs var:Lang.archive.hold_hint ?></p>
  <form method="post" action="/clients/<?cs var:Client.id ?>/legal-hold">
    <?cs call:csrf() ?>
    <input type="hidden" name="hold" value="<?cs if:Client.legal_hold == "1" ?>0<?cs else ?>1<?cs /if ?>">
    <div class="field wide<?cs if:Form.errors._reason ?> invalid<?cs /if ?>">
      <label for="f-reason"><?cs var:Lang.archive.f.reason ?> <span class="req">*</span></label>
      <textarea id="f-reason" name="_reason" rows="3" maxlength="500" required><?cs var:Form.values._reason ?></textarea>
      <?cs call:error_for("_reason") ?>
    </div>
    <button type="submit" class="primary"><?cs if:Client.legal_hold == "1" ?><?cs var:Lang.archive.hold_lift ?><?cs else ?><?cs var:Lang.archive.hold_set ?><?cs /if ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
