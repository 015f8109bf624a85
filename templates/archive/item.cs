<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients/<?cs var:Item.client_id ?>"><?cs var:Item.client ?></a> › <a href="/archive/volumes/<?cs var:Item.volume_id ?>"><?cs var:Lang.archive.volume ?> <?cs var:Item.year ?></a></p>
<h1><span id="item-no"><?cs var:Item.no ?></span> <small><?cs var:Item.title ?></small></h1>
<section class="card">
<dl class="facts">
  <dt><?cs var:Lang.archive.f.status ?></dt><dd id="item-status"><?cs if:Item.status == "submitted" && Item.approved_at ?><?cs var:Lang.archive.status.approved ?><?cs else ?><?cs var:Lang.archive.status[Item.status] ?><?cs /if ?></dd>
  <dt><?cs var:Lang.archive.f.type ?></dt><dd><?cs var:Item.type ?> (<?cs var:Item.type_code ?>)</dd>
  <dt><?cs var:Lang.archive.f.doc_date ?></dt><dd><?cs var:Item.doc_date ?></dd>
  <dt><?cs var:Lang.archive.f.author ?></dt><dd><?cs alt:Item.author ?>—<?cs /alt ?></dd>
  <dt><?cs var:Lang.archive.f.pages ?></dt><dd><?cs var:Item.pages ?></dd>
  <dt><?cs var:Lang.archive.f.copies ?></dt><dd><?cs var:Item.copies ?></dd>
  <dt><?cs var:Lang.archive.f.secrecy ?></dt><dd class="secrecy-<?cs var:Item.secrecy ?>"><?cs var:Lang.archive.secrecy[Item.secrecy] ?></dd>
  <dt><?cs var:Lang.archive.f.retention ?></dt><dd><?cs each:s = Lang.archive.retention ?><?cs if:s.v == Item.retention ?><?cs var:s.label ?><?cs /if ?><?cs /each ?></dd>
  <dt><?cs var:Lang.archive.f.medium ?></dt><dd><?cs var:Lang.archive.medium[Item.medium] ?><?cs if:Item.other_no ?> · <?cs var:Lang.archive.f.other_no ?> <?cs var:Item.other_no ?> · <?cs var:Item.other_location ?><?cs /if ?></dd>
  <dt><?cs var:Lang.archive.f.place ?></dt><dd><?cs alt:Item.place ?>—<?cs /alt ?></dd>
  <dt><?cs var:Lang.archive.f.filed ?></dt><dd><?cs var:Item.filed_by ?> · <?cs var:Item.dept ?> · <?cs var:Item.filed_at ?><?cs if:Item.request_id ?> · <a href="/requests/<?cs var:Item.request_id ?>">#<?cs var:Item.request_id ?></a><?cs /if ?></dd>
  <dt><?cs var:Lang.archive.f.approved ?></dt><dd><?cs alt:Item.approved_by ?>—<?cs /alt ?> <?cs var:Item.approved_at ?></dd>
  <dt><?cs var:Lang.archive.f.placed ?></dt><dd><?cs alt:Item.placed_by ?>—<?cs /alt ?> <?cs var:Item.placed_at ?></dd>
  <?cs if:Item.remarks ?><dt><?cs var:Lang.archive.f.remarks ?></dt><dd><?cs var:Item.remarks ?></dd><?cs /if ?>
</dl>
<p><?cs if:Item.secrecy == "top_secret" ?><?cs var:Lang.archive.not_available ?><?cs elif:Item.status == "on_shelf" || Item.status == "checked_out" || Item.status == "reading_room" ?><a class="button" href="/archive/items/<?cs var:Item.id ?>/borrow"><?cs var:Lang.archive.borrow_link ?></a><?cs /if ?>
<a class="button" href="/archive/labels?items=<?cs var:Item.id ?>"><?cs var:Lang.archive.label ?></a>
<?cs if:Can.desk ?> <a class="button" href="/archive/desk?no=<?cs var:url_escape(Item.no) ?>"><?cs var:Lang.archive.desk ?></a><?cs /if ?></p>
</section>
<section class="card" id="files"><h2><?cs var:Lang.archive.files.title ?></h2>
<?cs if:subcount(Files) ?>
<table class="list files">
<thead><tr><th><?cs var:Lang.archive.files.name ?></th><th><?cs var:Lang.archive.files.type ?></th><th><?cs var:Lang.archive.files.size ?></th><th><?cs var:Lang.archive.files.by ?></th><th></th></tr></thead>
<tbody><?cs each:f = Files ?>
<tr><td><?cs var:f.name ?></td><td><?cs var:f.mime ?></td><td><?cs var:f.size ?></td><td><?cs var:f.by ?> · <?cs var:f.at ?></td>
<td><?cs if:Item.secrecy == "top_secret" ?><?cs var:Lang.archive.not_available ?><?cs elif:Item.secrecy == "confidential" ?><?cs if:f.inline == "1" ?><a href="/archive/files/<?cs var:f.id ?>/view"><?cs var:Lang.archive.files.view ?></a><?cs else ?><?cs var:Lang.archive.not_available ?><?cs /if ?><?cs else ?><a class="download" href="/archive/files/<?cs var:f.id ?>"><?cs var:Lang.archive.files.download ?></a><?cs /if ?></td></tr><?cs /each ?>
</tbody></table>
<?cs else ?><p><?cs var:Lang.archive.files.none ?></p><?cs /if ?>
<?cs if:Can.upload ?>
<form method="post" action="/archive/items/<?cs var:Item.id ?>/files" enctype="multipart/form-data">
  <?cs call:csrf() ?>
  <div class="field">
    <label for="f-file"><?cs var:Lang.archive.files.add ?></label>
    <input id="f-file" type="file" name="file" accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx" required>
  </div>
  <p class="hint"><?cs var:Lang.archive.files.hint ?> <?cs var:Page.max_file_mb ?></p>
  <button type="submit" class="primary"><?cs var:Lang.archive.files.upload ?></button>
</form>
<?cs /if ?>
</section>
<?cs if:subcount(Loans) ?>
<section class="card"><h2><?cs var:Lang.archive.loans_of_item ?></h2>
<?cs include!"archive/part_loans.cs" ?>
</section>
<?cs /if ?>
<?cs include!"footer.cs" ?>
