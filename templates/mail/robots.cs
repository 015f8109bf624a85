<?cs include!"header.cs" ?>
<?cs include!"mail/part_tabs.cs" ?>
<h1><?cs var:Lang.mail.robots.title ?></h1>
<p class="hint"><?cs var:Lang.mail.robots.hint ?></p>
<table class="list">
  <thead><tr><th><?cs var:Lang.mail.robots.dept ?></th><th><?cs var:Lang.mail.robot.kind ?></th><th><?cs var:Lang.mail.robot.key ?></th><th><?cs var:Lang.mail.robot.secret ?></th><th></th></tr></thead>
  <tbody><?cs each:d = Robots ?>
    <tr id="robot-<?cs var:d.id ?>"><td><?cs var:d.name ?> <small><?cs var:d.code ?></small></td>
    <td><form method="post" action="/admin/mail/robots/<?cs var:d.id ?>" id="robot-form-<?cs var:d.id ?>"><?cs call:csrf() ?>
      <select name="robot_kind" aria-label="<?cs var:Lang.mail.robot.kind ?>"><?cs each:k = Lang.mail.robot.kinds ?><option value="<?cs name:k ?>"<?cs if:d.kind == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?></select></form>
      <?cs if:!d.kind ?><small><?cs var:Lang.mail.robot.none ?></small><?cs /if ?></td>
    <td><input form="robot-form-<?cs var:d.id ?>" type="text" name="robot_key" maxlength="500" autocomplete="off" aria-label="<?cs var:Lang.mail.robot.key ?>" placeholder="<?cs if:d.has_key == "1" ?><?cs var:Lang.mail.robot.keep ?><?cs /if ?>">
      <?cs if:Form.dept == d.id ?><?cs call:error_for("robot_key") ?><?cs /if ?></td>
    <td><input form="robot-form-<?cs var:d.id ?>" type="password" name="robot_secret" maxlength="200" autocomplete="off" aria-label="<?cs var:Lang.mail.robot.secret ?>" placeholder="<?cs if:d.has_secret == "1" ?><?cs var:Lang.mail.robot.keep ?><?cs /if ?>"></td>
    <td><?cs if:d.kind ?><label><input form="robot-form-<?cs var:d.id ?>" type="checkbox" name="remove" value="1"> <?cs var:Lang.mail.robot.remove ?></label><?cs /if ?>
      <button form="robot-form-<?cs var:d.id ?>" type="submit"><?cs var:Lang.mail.save ?></button></td></tr>
  <?cs /each ?></tbody>
</table>
<?cs include!"footer.cs" ?>
