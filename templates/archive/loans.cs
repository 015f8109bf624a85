<?cs include!"header.cs" ?>
<?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Page.title ?></h1>
<?cs if:Page.borrowers ?><p class="filter-note" id="borrowers-note"><?cs var:Lang.archive.dash_borrowers ?> <?cs var:Page.borrowers ?></p><?cs /if ?>
<?cs if:subcount(Loans) ?><?cs include!"archive/part_loans.cs" ?><?cs else ?><p class="empty"><?cs var:Lang.archive.none_out ?></p><?cs /if ?>
<?cs include!"footer.cs" ?>
