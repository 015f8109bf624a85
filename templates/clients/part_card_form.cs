<?cs # the card's sections as form fields; used by client_new.cs and client_edit.cs ?>
<?cs each:s = Lang.client.form_sections ?>
<fieldset class="card section">
  <legend><?cs var:s.title ?></legend>
  <div class="fields">
  <?cs each:f = Fields ?><?cs if:f.section == s.n ?>
    <?cs if:(f.controlled || f.fixed) && Page.editing ?>
    <div class="field"><span class="label"><?cs var:f.label ?></span><span class="readonly"><?cs alt:f.display ?>—<?cs /alt ?></span><p class="hint"><?cs var:Lang.client.controlled_hint ?></p></div>
    <?cs else ?><?cs call:card_input(f) ?><?cs if:f.col == "lifecycle" && Page.editing ?><p class="hint field"><a href="/clients/<?cs var:Card.id ?>/request?kind=former"><?cs var:Lang.client.former_by_request ?></a></p><?cs /if ?><?cs /if ?>
  <?cs /if ?><?cs /each ?>
  <?cs if:s.n == 7 && Page.with_persons ?>
    <div class="field<?cs if:Form.errors.scope ?> invalid<?cs /if ?>"><label for="f-scope"><?cs var:Lang.client.scope ?></label>
      <select id="f-scope" name="scope"><option value="personal"<?cs if:Form.values.scope == "personal" ?> selected<?cs /if ?>><?cs var:Lang.client.opt.scope.personal ?></option><option value="department"<?cs if:Form.values.scope == "department" ?> selected<?cs /if ?>><?cs var:Lang.client.opt.scope.department ?></option></select>
      <?cs call:error_for("scope") ?><p class="hint"><?cs var:Lang.client.scope_hint ?></p></div>
  <?cs /if ?>
  <?cs if:s.n == 6 ?>
  <fieldset class="field wide"><legend><?cs var:Lang.client.product_lines ?></legend>
    <?cs each:c = Choices.product_line ?><label class="check"><input type="checkbox" name="product_lines" value="<?cs var:c.id ?>"<?cs if:Chosen.product_line[c.id] ?> checked<?cs /if ?>> <?cs var:c.label ?></label><?cs /each ?>
    <?cs call:error_for("product_lines") ?>
  </fieldset>
  <?cs /if ?>
  </div>
</fieldset>
<?cs if:s.n == 1 && Page.with_persons ?><?cs include!"clients/part_new_persons.cs" ?><?cs /if ?>
<?cs /each ?>
