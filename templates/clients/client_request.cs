<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a><?cs if:Subject.visible == "1" ?> › <a href="/clients/<?cs var:Subject.id ?>"><?cs var:Subject.name ?></a><?cs /if ?></p>
<h1><?cs var:Page.title ?></h1>
<?cs if:Page.pending_id ?><p><a href="/requests/<?cs var:Page.pending_id ?>"><?cs var:Lang.request.see_pending ?> #<?cs var:Page.pending_id ?></a></p><?cs /if ?>
<section class="card narrow-wide">
  <dl class="facts">
    <dt><?cs var:Lang.client.f.name ?></dt><dd id="subject-name"><?cs var:Subject.name ?></dd>
    <dt><?cs var:Lang.client.owner ?></dt><dd><?cs var:Subject.owner ?><?cs if:Subject.dept ?> · <?cs var:Subject.dept ?><?cs /if ?></dd>
    <dt><?cs var:Lang.client.registered_at ?></dt><dd><?cs var:Subject.registered_at ?></dd>
    <?cs if:Subject.current ?><dt><?cs var:Lang.request.current ?></dt><dd id="subject-current"><?cs var:Subject.current ?></dd><?cs /if ?>
  </dl>
  <p class="hint"><?cs var:Lang.request.hint[Form.values.kind] ?></p>
  <form method="post" action="/clients/<?cs var:Subject.id ?>/request">
    <?cs call:csrf() ?>
    <input type="hidden" name="kind" value="<?cs var:Form.values.kind ?>">
    <?cs set:k = Form.values.kind ?>
    <?cs if:k == "owner" || k == "reassign" ?>
    <?cs call:person_field("value", Lang.request.new_value) ?>
    <?cs elif:Page.has_value ?>
    <div class="field<?cs if:Form.errors.value ?> invalid<?cs /if ?>">
      <label for="f-value"><?cs var:Lang.request.new_value ?></label>
      <?cs if:k == "grade" ?>
      <select id="f-value" name="value"><option value="">—</option><?cs each:c = Choices.grade ?><option value="<?cs var:c.id ?>"<?cs if:Form.values.value == c.id ?> selected<?cs /if ?>><?cs var:c.label ?></option><?cs /each ?></select>
      <?cs elif:k == "scope" ?>
      <select id="f-value" name="value"><option value="">—</option><?cs each:c = Lang.client.opt.scope ?><option value="<?cs name:c ?>"<?cs if:Form.values.value == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select>
      <?cs else ?>
      <select id="f-value" name="value"><option value="">—</option><?cs each:c = Lang.client.opt.blacklist ?><option value="<?cs name:c ?>"<?cs if:Form.values.value == name(c) ?> selected<?cs /if ?>><?cs var:c ?></option><?cs /each ?></select>
      <?cs /if ?>
      <?cs call:error_for("value") ?>
    </div>
    <?cs /if ?>
    <div class="field wide<?cs if:Form.errors._reason ?> invalid<?cs /if ?>">
      <label for="f-_reason"><?cs var:Lang.request.reason ?> <span class="req">*</span></label>
      <textarea id="f-_reason" name="_reason" rows="3" maxlength="500" required><?cs var:Form.values._reason ?></textarea>
      <p class="hint"><?cs var:Lang.request.reason_hint ?></p>
      <?cs call:error_for("_reason") ?>
    </div>
    <button type="submit" class="primary"><?cs var:Lang.request.submit ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
