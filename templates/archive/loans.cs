<?cs include!"header.cs" ?>
<?cs include!"archive/tabs.cs" ?>
<h1><?cs var:Page.title ?></h1>
<?cs if:Page.borrowers ?><p class="filter-note" id="borrowers-note"><?cs var:Lang.archive.dash_borrowers ?> <?cs var:Page.borrowers ?></p><?cs /if ?>
<?cs if:Page.count_total ?><p class="list-count" id="list-count"><?cs var:Page.count_first ?>–<?cs var:Page.count_last ?> <?cs var:Lang.archive.count_of ?> <?cs if:Page.count_more ?><?cs var:Lang.archive.count_more ?> <?cs var:Page.count_cap ?><?cs else ?><?cs var:Page.count_total ?><?cs /if ?></p><?cs /if ?>
<?cs if:subcount(Loans) ?><?cs include!"archive/part_loans.cs" ?><?cs else ?><p class="empty"><?cs var:Lang.archive.none_out ?></p><?cs /if ?>
<?cs if:Page.first || Page.next_after ?><nav class="pager">
  <?cs if:Page.first ?><a id="first-page" href="/archive/<?cs var:Page.tab ?>"><?cs var:Lang.archive.first_page ?></a><?cs /if ?>
  <?cs if:Page.next_after ?><a rel="next" href="/archive/<?cs var:Page.tab ?>?after=<?cs var:Page.next_after ?>&amp;after_key=<?cs var:url_escape(Page.next_key) ?>&amp;from=<?cs var:Page.next_from ?>"><?cs var:Lang.archive.next_page ?></a><?cs /if ?>
</nav><?cs /if ?>
<?cs include!"footer.cs" ?>
