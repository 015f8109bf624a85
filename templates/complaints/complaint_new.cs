<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<h1><?cs var:Lang.complaint.new ?> <small><?cs var:Card.name ?></small></h1>
<p class="hint"><?cs var:Lang.complaint.new_hint ?></p>
<section class="card narrow-wide">
  <form method="post" action="/clients/<?cs var:Card.id ?>/complaints">
    <?cs call:csrf() ?>
    <div class="grid two">
      <?cs call:text_field("received_at", Lang.complaint.f.received_at, "datetime-local", "required") ?>
      <div class="field<?cs if:Form.errors.channel ?> invalid<?cs /if ?>">
        <label for="f-channel"><?cs var:Lang.complaint.f.channel ?></label>
        <select id="f-channel" name="channel"><?cs each:c = Lang.complaint.channels ?><option value="<?cs name:c ?>"<?cs if:Form.values.channel == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select>
        <?cs call:error_for("channel") ?>
      </div>
    </div>
    <fieldset class="field<?cs if:Form.errors.urgency ?> invalid<?cs /if ?>">
      <legend><?cs var:Lang.complaint.f.urgency ?></legend>
      <?cs each:u = Lang.complaint.urgencies ?><label class="check"><input type="radio" name="urgency" value="<?cs name:u ?>"<?cs if:Form.values.urgency == name(u) ?> checked<?cs /if ?>> <?cs var:u ?></label><?cs /each ?>
      <?cs call:error_for("urgency") ?>
    </fieldset>
    <div class="field wide<?cs if:Form.errors.content ?> invalid<?cs /if ?>">
      <label for="f-content"><?cs var:Lang.complaint.f.content ?> <span class="req">*</span></label>
      <textarea id="f-content" name="content" rows="5" maxlength="2000" required><?cs var:Form.values.content ?></textarea>
      <?cs call:error_for("content") ?>
    </div>
    <?cs call:person_field("assignee", Lang.complaint.f.assignee) ?>
    <button type="submit" class="primary"><?cs var:Lang.complaint.save_new ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
