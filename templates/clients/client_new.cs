<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.client.new_title ?></h1>
<?cs call:dupes_box() ?>
<form method="post" action="/clients/new" class="card-form">
  <?cs call:csrf() ?>
  <?cs set:Page.with_persons = 1 ?>
  <?cs include!"clients/part_card_form.cs" ?>
  <button type="submit" class="primary"><?cs var:Lang.client.register ?></button>
</form>
<?cs include!"footer.cs" ?>
