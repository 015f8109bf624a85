<?cs call:text_field("name", Lang.admin.depts.name, "text", "required maxlength=100") ?>
<?cs call:text_field("code", Lang.admin.depts.code, "text", "required maxlength=32") ?>
<?cs call:dept_select("parent_id", Lang.admin.depts.parent, 1) ?>
<div class="field<?cs if:Form.errors.kind ?> invalid<?cs /if ?>">
  <label for="f-kind"><?cs var:Lang.admin.depts.kind ?></label>
  <select id="f-kind" name="kind"><?cs each:k = Kinds ?><option value="<?cs var:k.name ?>"<?cs if:k.name == Form.values.kind ?> selected<?cs /if ?>><?cs var:k.label ?></option><?cs /each ?></select>
  <?cs call:error_for("kind") ?>
</div>
