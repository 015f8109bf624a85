<?cs include!"header.cs" ?>
<h1><?cs var:Lang.routes.title ?></h1>
<p class="hint"><?cs var:Lang.routes.hint ?></p>
<table class="list routes">
  <thead><tr><th><?cs var:Lang.routes.type ?></th><th><?cs var:Lang.routes.scope ?></th><th><?cs var:Lang.routes.secrecy ?></th><th><?cs var:Lang.routes.step ?></th><th><?cs var:Lang.routes.role ?></th><th><?cs var:Lang.routes.over ?></th><th><?cs var:Lang.routes.need_all ?></th><th></th></tr></thead>
  <tbody>
  <?cs each:x = Routes ?>
  <tr>
    <td><?cs var:Lang.request.types[x.type] ?></td>
    <td><?cs if:x.scope ?><?cs var:Lang.client.opt.scope[x.scope] ?><?cs else ?><?cs var:Lang.routes.any ?><?cs /if ?></td>
    <td><?cs if:x.secrecy ?><?cs var:Lang.routes.secrecies[x.secrecy] ?><?cs else ?><?cs var:Lang.routes.any ?><?cs /if ?></td>
    <td><input form="rf-<?cs var:x.id ?>" type="number" name="step" value="<?cs var:x.step ?>" min="1" max="9" size="2" aria-label="<?cs var:Lang.routes.step ?>"></td>
    <td><select form="rf-<?cs var:x.id ?>" name="role" aria-label="<?cs var:Lang.routes.role ?>"><?cs each:o = Choices.roles ?><option value="<?cs var:o ?>"<?cs if:x.role == o ?> selected<?cs /if ?>><?cs var:Lang.role[o] ?></option><?cs /each ?></select></td>
    <td><input form="rf-<?cs var:x.id ?>" type="checkbox" name="over" value="1"<?cs if:x.over == "1" ?> checked<?cs /if ?> aria-label="<?cs var:Lang.routes.over ?>"></td>
    <td><input form="rf-<?cs var:x.id ?>" type="checkbox" name="need_all" value="1"<?cs if:x.need_all == "1" ?> checked<?cs /if ?> aria-label="<?cs var:Lang.routes.need_all ?>"></td>
    <td><form method="post" action="/admin/routes/<?cs var:x.id ?>" id="rf-<?cs var:x.id ?>" class="inline"><?cs call:csrf() ?><input type="hidden" name="version" value="<?cs var:x.version ?>"><button type="submit"><?cs var:Lang.routes.save ?></button> <button type="submit" name="delete" value="1" class="link"><?cs var:Lang.routes.delete ?></button></form></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<section class="card narrow-wide">
  <h2><?cs var:Lang.routes.add ?></h2>
  <form method="post" action="/admin/routes">
    <?cs call:csrf() ?>
    <div class="field"><label for="f-type"><?cs var:Lang.routes.type ?></label><select id="f-type" name="type"><?cs each:o = Choices.types ?><option value="<?cs var:o ?>"><?cs var:Lang.request.types[o] ?></option><?cs /each ?></select><?cs call:error_for("type") ?></div>
    <div class="field"><label for="f-scope"><?cs var:Lang.routes.scope ?></label><select id="f-scope" name="scope"><option value=""><?cs var:Lang.routes.any ?></option><?cs each:c = Lang.client.opt.scope ?><option value="<?cs name:c ?>"><?cs var:c ?></option><?cs /each ?></select><?cs call:error_for("scope") ?></div>
    <div class="field"><label for="f-secrecy"><?cs var:Lang.routes.secrecy ?></label><select id="f-secrecy" name="secrecy"><option value=""><?cs var:Lang.routes.any ?></option><?cs each:c = Lang.routes.secrecies ?><option value="<?cs name:c ?>"><?cs var:c ?></option><?cs /each ?></select><?cs call:error_for("secrecy") ?></div>
    <?cs call:text_field("step", Lang.routes.step, "number", "min=1 max=9 required") ?>
    <div class="field"><label for="f-role"><?cs var:Lang.routes.role ?></label><select id="f-role" name="role"><?cs each:o = Choices.roles ?><option value="<?cs var:o ?>"><?cs var:Lang.role[o] ?></option><?cs /each ?></select><?cs call:error_for("role") ?></div>
    <label class="check"><input type="checkbox" name="over" value="1"> <?cs var:Lang.routes.over ?></label>
    <label class="check"><input type="checkbox" name="need_all" value="1"> <?cs var:Lang.routes.need_all ?></label>
    <p><button type="submit" class="primary"><?cs var:Lang.routes.add ?></button></p>
  </form>
</section>
<?cs include!"footer.cs" ?>
