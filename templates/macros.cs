<?cs # macros.cs — shared form pieces. Field names are the database column names. ?>
<?cs def:csrf() ?><input type="hidden" name="_csrf" value="<?cs var:CSRF ?>"><?cs /def ?>

<?cs def:error_for(name) ?><?cs if:Form.errors[name] ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Form.errors[name] ?></p><?cs /if ?><?cs /def ?>

<?cs def:text_field(name, label, type, attrs) ?>
<div class="field<?cs if:Form.errors[name] ?> invalid<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="<?cs var:type ?>" value="<?cs if:type != "password" ?><?cs var:Form.values[name] ?><?cs /if ?>"<?cs if:Form.errors[name] ?> aria-invalid="true" aria-describedby="err-<?cs var:name ?>"<?cs /if ?> <?cs var:attrs ?>>
  <?cs call:error_for(name) ?>
</div>
<?cs /def ?>

<?cs def:dept_select(name, label, allow_empty) ?>
<div class="field<?cs if:Form.errors[name] ?> invalid<?cs /if ?>">
  <label for="f-<?cs var:name ?>"><?cs var:label ?></label>
  <select id="f-<?cs var:name ?>" name="<?cs var:name ?>">
    <?cs if:allow_empty ?><option value=""><?cs var:Lang.admin.depts.no_parent ?></option><?cs /if ?>
    <?cs each:d = Depts ?><option value="<?cs var:d.id ?>"<?cs if:d.id == Form.values[name] ?> selected<?cs /if ?>><?cs var:d.label ?></option><?cs /each ?>
  </select>
  <?cs call:error_for(name) ?>
</div>
<?cs /def ?>
