<?cs include!"header.cs" ?>
<h1><?cs var:Lang.backup.title ?></h1>
<?cs if:Backups.state.warn ?>
<section class="card warn" id="backup-warning">
  <p><strong><?cs var:Backups.state.text ?></strong></p>
  <p class="hint"><?cs var:Lang.backup.warn_hint ?></p>
</section>
<?cs /if ?>
<p class="hint"><?cs var:Lang.backup.hint ?></p>
<dl class="facts">
  <dt><?cs var:Lang.backup.dir ?></dt><dd><code><?cs var:Backups.dir ?></code></dd>
  <dt><?cs var:Lang.backup.kept ?></dt><dd><?cs var:Backups.kept_text ?></dd>
  <dt><?cs var:Lang.backup.last_ok ?></dt><dd><?cs alt:Backups.state.last_ok ?><?cs var:Lang.backup.never ?><?cs /alt ?></dd>
</dl>
<?cs if:subcount(Backups.list) ?>
<table class="list" id="backups">
  <thead><tr><th><?cs var:Lang.backup.col_started ?></th><th><?cs var:Lang.backup.col_age ?></th><th><?cs var:Lang.backup.col_kind ?></th>
    <th><?cs var:Lang.backup.col_outcome ?></th><th><?cs var:Lang.backup.col_size ?></th><th><?cs var:Lang.backup.col_file ?></th></tr></thead>
  <tbody>
  <?cs each:b = Backups.list ?>
    <tr class="<?cs if:b.ok == 1 ?>backup-ok<?cs else ?>backup-failed<?cs /if ?>"><td class="nowrap"><?cs var:b.started_at ?></td>
      <td class="nowrap"><?cs var:b.age_text ?></td>
      <td class="nowrap"><?cs var:Lang.backup.kind[b.kind] ?></td>
      <td><?cs if:b.ok == 1 ?><span class="status approved"><?cs var:Lang.backup.ok ?></span><?cs if:b.removed_at ?> <span class="status withdrawn"><?cs var:Lang.backup.removed ?> <?cs var:b.removed_at ?></span><?cs /if ?><?cs else ?><span class="status rejected"><?cs var:Lang.backup.failed ?></span>
        <div class="detail backup-error"><?cs var:b.error ?></div><?cs /if ?></td>
      <td class="nowrap"><?cs if:b.ok == 1 ?><?cs var:b.size_text ?><?cs /if ?></td>
      <td class="nowrap"><?cs if:b.ok == 1 ?><code><?cs var:b.file ?></code><br><span class="hint" title="<?cs var:b.sha256 ?>">sha256 <?cs var:string.slice(b.sha256, 0, 16) ?>…</span><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p class="empty"><?cs var:Lang.backup.none ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
