<?cs include!"header.cs" ?>
<section class="error-page">
  <p class="status"><?cs var:Page.status ?></p>
  <h1><?cs var:Page.error_title ?></h1>
  <p><?cs var:Page.error_text ?></p><?cs if:Page.resend_path ?>
  <p><?cs var:Lang.error.kept ?></p>
  <form method="post" action="<?cs var:Page.resend_path ?>" class="resend">
    <?cs each:f = Resend ?><input type="hidden" name="<?cs var:f.name ?>" value="<?cs var:f.value ?>"><?cs /each ?>
    <button type="submit"><?cs var:Lang.error.resend ?></button>
  </form><?cs /if ?>
  <p><?cs if:Page.back ?><a href="<?cs var:Page.back ?>"><?cs var:Lang.error.back ?></a> · <?cs /if ?><a href="/"><?cs var:Lang.error.home ?></a><?cs if:!User.signed_in ?> · <a href="/login"><?cs var:Lang.login.title ?></a><?cs /if ?></p>
</section>
<?cs include!"footer.cs" ?>
