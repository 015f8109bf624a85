<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/admin/users"><?cs var:Lang.admin.users.title ?></a></p>
<section class="card">
  <h1><?cs var:Lang.admin.users.new ?></h1>
  <form method="post" action="/admin/users/new">
    <?cs call:csrf() ?>
    <?cs call:text_field("username", Lang.admin.users.username, "text", "required maxlength=64") ?>
    <?cs include!"admin/part_user_fields.cs" ?>
    <?cs call:text_field("password", Lang.admin.users.initial_password, "password", "autocomplete=new-password required") ?>
    <p class="hint"><?cs var:Lang.admin.users.initial_password_hint ?></p>
    <button type="submit" class="primary"><?cs var:Lang.admin.save ?></button>
  </form>
</section>
<?cs include!"footer.cs" ?>
