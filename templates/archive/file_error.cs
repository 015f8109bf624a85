<?cs include!"header.cs" ?>
<section class="error-page">
  <h1><?cs var:Lang.archive.files.title ?></h1>
  <p id="file-error"><?cs var:Page.error_message ?></p>
  <p><?cs if:Page.item ?><a href="/archive/items/<?cs var:Page.item ?>"><?cs var:Lang.archive.files.back ?></a> · <?cs /if ?><a href="/"><?cs var:Lang.error.home ?></a></p>
</section>
<?cs include!"footer.cs" ?>
