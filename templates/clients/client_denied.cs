<?cs include!"header.cs" ?>
<section class="card narrow-wide denied">
  <p class="status">403</p>
  <h1><?cs var:Lang.client.denied_title ?></h1>
  <p><?cs var:Lang.client.denied_text ?></p>
  <dl class="facts">
    <dt><?cs var:Lang.client.f.name ?></dt><dd id="stub-name"><?cs var:Stub.name ?></dd>
    <dt><?cs var:Lang.client.owner ?></dt><dd><?cs var:Stub.owner ?></dd>
    <dt><?cs var:Lang.client.registered_at ?></dt><dd><?cs var:Stub.registered_at ?></dd>
  </dl>
  <p><a class="button primary" href="/clients/<?cs var:Stub.id ?>/request?kind=view"><?cs var:Lang.client.request_access ?></a></p>
  <p class="hint"><?cs var:Lang.request.hint.view ?></p>
</section>
<?cs include!"footer.cs" ?>
