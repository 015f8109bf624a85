<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.client.new_title ?></h1>
<?cs call:dupes_box() ?>
<form method="post" action="/clients/new" class="card-form">
  <?cs call:csrf() ?>
  <?cs set:Page.with_persons = 1 ?>
  <?cs include!"clients/part_card_form.cs" ?>
  <fieldset class="card section">
    <legend><?cs var:Lang.client.section.s7 ?></legend>
    <div class="fields">
    <div class="field<?cs if:Form.errors.scope ?> invalid<?cs /if ?>"><label for="f-scope"><?cs var:Lang.client.scope ?></label>
      <select id="f-scope" name="scope"><option value="personal"<?cs if:Form.values.scope == "personal" ?> selected<?cs /if ?>><?cs var:Lang.client.opt.scope.personal ?></option><option value="department"<?cs if:Form.values.scope == "department" ?> selected<?cs /if ?>><?cs var:Lang.client.opt.scope.department ?></option></select>
      <?cs call:error_for("scope") ?><p class="hint"><?cs var:Lang.client.scope_hint ?></p></div>
    </div>
  </fieldset>
  <button type="submit" class="primary"><?cs var:Lang.client.register ?></button>
</form>
<?cs include!"footer.cs" ?>
