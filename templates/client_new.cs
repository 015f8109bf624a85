<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.client.new_title ?></h1>
<?cs call:dupes_box() ?>
<form method="post" action="/clients/new" class="card-form">
  <?cs call:csrf() ?>
  <?cs include!"part_card_form.cs" ?>
  <fieldset class="card section">
    <legend><?cs var:Lang.client.section.s7 ?></legend>
    <div class="fields">
    <div class="field<?cs if:Form.errors.scope ?> invalid<?cs /if ?>"><label for="f-scope"><?cs var:Lang.client.scope ?></label>
      <select id="f-scope" name="scope"><option value="personal"<?cs if:Form.values.scope == "personal" ?> selected<?cs /if ?>><?cs var:Lang.client.opt.scope.personal ?></option><option value="department"<?cs if:Form.values.scope == "department" ?> selected<?cs /if ?>><?cs var:Lang.client.opt.scope.department ?></option></select>
      <?cs call:error_for("scope") ?><p class="hint"><?cs var:Lang.client.scope_hint ?></p></div>
    </div>
  </fieldset>
  <fieldset class="card section">
    <legend><?cs var:Lang.client.section.s2 ?></legend>
    <?cs each:i = PersonSlots ?>
    <div class="person-row<?cs if:Form.errors["person_" + i] ?> invalid<?cs /if ?>">
      <label><?cs var:Lang.client.pf.name ?> <input type="text" name="person_name" value="<?cs var:NewPersons[i].name ?>" maxlength="100"></label>
      <label><?cs var:Lang.client.pf.title ?> <input type="text" name="person_title" value="<?cs var:NewPersons[i].title ?>" maxlength="100"></label>
      <label><?cs var:Lang.client.pf.phone ?> <input type="text" name="person_phone" value="<?cs var:NewPersons[i].phone ?>" maxlength="50"></label>
      <label><?cs var:Lang.client.pf.mobile ?> <input type="text" name="person_mobile" value="<?cs var:NewPersons[i].mobile ?>" maxlength="50"></label>
      <label><?cs var:Lang.client.pf.email ?> <input type="email" name="person_email" value="<?cs var:NewPersons[i].email ?>" maxlength="190"></label>
      <label><?cs var:Lang.client.pf.purchase_role ?> <input type="text" name="person_purchase_role" value="<?cs var:NewPersons[i].purchase_role ?>" maxlength="100"></label>
      <label class="wide"><?cs var:Lang.client.pf.personal_notes ?> <textarea name="person_personal_notes" rows="2" maxlength="5000"><?cs var:NewPersons[i].personal_notes ?></textarea></label>
      <?cs call:error_for("person_" + i) ?>
    </div>
    <?cs /each ?>
  </fieldset>
  <button type="submit" class="primary"><?cs var:Lang.client.register ?></button>
</form>
<?cs include!"footer.cs" ?>
