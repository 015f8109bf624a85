<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a> › <a href="/clients/<?cs var:Card.id ?>"><?cs var:Card.name ?></a></p>
<section class="card narrow-wide">
  <h1><?cs if:Person.id ?><?cs var:Lang.client.edit_person ?><?cs else ?><?cs var:Lang.client.add_person ?><?cs /if ?></h1>
  <form method="post" action="/clients/<?cs var:Card.id ?>/persons/<?cs if:Person.id ?><?cs var:Person.id ?><?cs else ?>new<?cs /if ?>">
    <?cs call:csrf() ?>
    <?cs call:text_field("name", Lang.client.pf.name, "text", "maxlength=100 required") ?>
    <?cs call:text_field("title", Lang.client.pf.title, "text", "maxlength=100") ?>
    <?cs call:text_field("phone", Lang.client.pf.phone, "text", "maxlength=50") ?>
    <?cs call:text_field("mobile", Lang.client.pf.mobile, "text", "maxlength=50") ?>
    <?cs call:text_field("email", Lang.client.pf.email, "email", "maxlength=190") ?>
    <?cs call:text_field("purchase_role", Lang.client.pf.purchase_role, "text", "maxlength=100") ?>
    <?cs if:Can.notes ?><div class="field"><label for="f-personal_notes"><?cs var:Lang.client.pf.personal_notes ?></label><textarea id="f-personal_notes" name="personal_notes" rows="4" maxlength="5000"><?cs var:Form.values.personal_notes ?></textarea><?cs call:error_for("personal_notes") ?><p class="hint"><?cs var:Lang.client.notes_hint ?></p></div><?cs /if ?>
    <?cs call:text_field("_reason", Lang.client.reason, "text", "maxlength=500 required") ?>
    <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
    <?cs if:Person.id ?><button type="submit" name="remove" value="1" class="danger"><?cs var:Lang.client.remove_person ?></button><?cs /if ?>
  </form>
</section>
<?cs include!"footer.cs" ?>
