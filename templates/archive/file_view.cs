<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/archive/items/<?cs var:Item.id ?>"><?cs var:Item.no ?></a> › <?cs var:File.name ?></p>
<h1><?cs var:Lang.archive.files.reading_view ?> <small><?cs var:Item.title ?></small></h1>
<p class="hint secrecy-<?cs var:Item.secrecy ?>"><?cs var:Lang.archive.files.reading_note ?></p>
<section class="card reading-view">
<?cs if:File.image == "1" ?><img src="/archive/files/<?cs var:File.id ?>/inline" alt="<?cs var:File.name ?>">
<?cs else ?><object data="/archive/files/<?cs var:File.id ?>/inline#toolbar=0" type="application/pdf" width="100%" height="800"><?cs var:File.name ?></object><?cs /if ?>
</section>
<?cs include!"footer.cs" ?>
