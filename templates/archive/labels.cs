<?cs include!"header.cs" ?>
<p class="screen-only hint"><?cs var:Lang.archive.labels_hint ?></p>
<div class="label-sheet">
<?cs each:l = Labels ?><div class="label label-<?cs var:l.kind ?>">
  <div class="label-no"><small><?cs var:Lang.archive.label_kind[l.kind] ?></small> <?cs var:l.no ?></div>
  <div class="label-line"><?cs var:l.line ?></div>
  <svg class="barcode" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 <?cs var:l.bar.w ?> <?cs var:l.bar.h ?>" role="img" aria-label="<?cs var:l.bar.code ?>" data-code="<?cs var:l.bar.code ?>"><rect x="0" y="0" width="<?cs var:l.bar.w ?>" height="<?cs var:l.bar.h ?>" fill="#fff"/><?cs each:b = l.bar.bars ?><rect x="<?cs var:b.x ?>" y="<?cs var:b.y ?>" width="<?cs var:b.w ?>" height="<?cs var:b.h ?>"/><?cs /each ?><?cs if:l.bar.hrt ?><text x="<?cs var:l.bar.tx ?>" y="<?cs var:l.bar.ty ?>" font-family="monospace" font-size="<?cs var:l.bar.fs ?>" text-anchor="middle"><?cs var:l.bar.hrt ?></text><?cs /if ?></svg>
</div><?cs /each ?>
</div>
<?cs include!"footer.cs" ?>
