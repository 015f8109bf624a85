<?cs # fields shared by the new-user and edit-user forms ?>
<?cs call:text_field("display_name", Lang.admin.users.display_name, "text", "required maxlength=100") ?>
<?cs call:text_field("email", Lang.admin.users.email, "email", "maxlength=190") ?>
<?cs call:dept_select("dept_id", Lang.admin.users.department, 0) ?>
<fieldset class="field<?cs if:Form.errors.roles ?> invalid<?cs /if ?>">
  <legend><?cs var:Lang.admin.users.roles ?></legend>
  <?cs each:ro = Roles ?>
  <label class="check"><input type="checkbox" name="roles" value="<?cs var:ro.name ?>"<?cs if:ro.checked ?> checked<?cs /if ?>> <?cs var:ro.label ?></label>
  <?cs /each ?>
  <?cs call:error_for("roles") ?>
</fieldset>
