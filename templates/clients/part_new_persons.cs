<?cs # key persons on the registration form (repeated fields person_<column>) ?>
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
