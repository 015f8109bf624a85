<?cs include!"header.cs" ?>
<p class="crumbs"><a href="/clients"><?cs var:Lang.client.list_title ?></a></p>
<h1><?cs var:Lang.client.import.title ?></h1>
<?cs if:Preview.id ?>
<section class="card" id="preview">
  <h2><?cs var:Lang.client.import.preview ?></h2>
  <p class="summary"><?cs var:Lang.client.import.rows_total ?> <strong><?cs var:Preview.total ?></strong> ·
     <?cs var:Lang.client.import.rows_ok ?> <strong id="rows-ok"><?cs var:Preview.ok ?></strong> ·
     <?cs var:Lang.client.import.rows_bad ?> <strong id="rows-bad"><?cs var:Preview.bad ?></strong></p>
  <?cs if:Preview.ignored ?><p class="hint"><?cs var:Lang.client.import.ignored ?> <?cs var:Preview.ignored ?></p><?cs /if ?>
  <table class="list compact">
    <thead><tr><th><?cs var:Lang.client.import.line ?></th><th><?cs var:Lang.client.f.name ?></th><th><?cs var:Lang.client.import.outcome ?></th></tr></thead>
    <tbody><?cs each:row = Rows ?>
      <tr<?cs if:row.error ?> class="rejected"<?cs /if ?>><td class="num"><?cs var:row.line ?></td><td><?cs var:row.name ?></td>
      <td><?cs if:row.error ?><span class="bad"><?cs var:row.error ?></span><?cs if:row.dupe_owner ?> — <?cs var:Lang.client.owner ?> <?cs var:row.dupe_owner ?>, <?cs var:row.dupe_date ?><?cs /if ?><?cs else ?><?cs var:Lang.client.import.will_add ?><?cs /if ?></td></tr>
    <?cs /each ?></tbody>
  </table>
  <form method="post" action="/clients/import/<?cs var:Preview.id ?>/commit" class="inline">
    <?cs call:csrf() ?>
    <button type="submit" class="primary"<?cs if:Preview.ok == 0 ?> disabled<?cs /if ?>><?cs var:Lang.client.import.commit ?> (<?cs var:Preview.ok ?>)</button>
  </form>
  <a href="/clients/import"><?cs var:Lang.client.cancel ?></a>
</section>
<?cs /if ?>
<section class="card">
  <h2><?cs var:Lang.client.import.upload ?></h2>
  <form method="post" action="/clients/import" enctype="multipart/form-data">
    <?cs call:csrf() ?>
    <div class="field<?cs if:Form.errors.file ?> invalid<?cs /if ?>">
      <label for="f-file"><?cs var:Lang.client.import.file ?></label>
      <input id="f-file" type="file" name="file" accept=".csv,text/csv" required>
      <?cs call:error_for("file") ?>
    </div>
    <p class="hint"><?cs var:Lang.client.import.hint ?> <a href="/static/demo/clients-import-sample.csv" download><?cs var:Lang.client.import.sample ?></a></p>
    <p class="hint"><?cs var:Lang.client.import.columns ?> <?cs each:c = Columns ?><code><?cs var:c.col ?></code> / <?cs var:c.label ?><?cs if:!last(c) ?>, <?cs /if ?><?cs /each ?> …</p>
    <button type="submit"><?cs var:Lang.client.import.check ?></button>
  </form>
</section>
<?cs if:subcount(Imports) ?>
<section class="card">
  <h2><?cs var:Lang.client.import.mine ?></h2>
  <table class="list compact">
    <thead><tr><th>#</th><th><?cs var:Lang.client.import.file ?></th><th><?cs var:Lang.client.import.at ?></th><th><?cs var:Lang.client.import.status ?></th><th class="num"><?cs var:Lang.client.import.rows_ok ?></th><th class="num"><?cs var:Lang.client.import.rows_bad ?></th><th></th></tr></thead>
    <tbody><?cs each:i = Imports ?>
      <tr id="import-<?cs var:i.id ?>"><td><?cs var:i.id ?></td><td><?cs var:i.filename ?> <small>(<?cs var:i.encoding ?>)</small></td><td><?cs var:i.at ?></td>
        <td><?cs var:Lang.client.import.st[i.status] ?></td><td class="num"><?cs var:i.rows_added ?></td><td class="num"><?cs var:i.rows_rejected ?></td>
        <td><?cs if:i.status != "preview" && i.rows_rejected != "0" ?><a href="/clients/import/<?cs var:i.id ?>/rejected.csv"><?cs var:Lang.client.import.download_rejected ?></a><?cs /if ?>
          <?cs if:i.status == "done" ?><form method="post" action="/clients/import/<?cs var:i.id ?>/undo" class="inline"><?cs call:csrf() ?><button type="submit" class="link"><?cs var:Lang.client.import.undo ?></button></form><?cs /if ?></td></tr>
    <?cs /each ?></tbody>
  </table>
</section>
<?cs /if ?>
<?cs include!"footer.cs" ?>
