/* sql.h — the statements of the clients domain (see core/sql.h). */
#ifndef DOSSIER_CLIENTS_SQL_H
#define DOSSIER_CLIENTS_SQL_H
#include "core/sql.h"
#include "field_table.h"
/* A card: id, the fields of client_fields.h in order, then the bookkeeping
 * columns below (CARD_* indexes in clients.h follow this order). */
/* What a card page kept by a worker is checked against (sql/079). */
#define CARD_VERSIONS_COLS "c.shown_ver, COALESCE(cvp.ver, 0), COALESCE(cvr.version, 0) "
#define CARD_VERSIONS_JOIN "LEFT JOIN card_versions cvp ON cvp.client_id = c.id " \
	"LEFT JOIN data_versions cvr ON cvr.name = 'card_refs' "
/* The owner's and the department's names by joins, not subqueries: each
 * subquery is a block that MariaDB plans again at every execution. */
#define CARD_SELECT "SELECT c.id, " CLIENT_FIELDS(X_CCOL) \
	"c.blacklist, c.blacklist_reason, c.owner_id, c.dept_id, c.scope, c.registered_at, c.updated_at, " \
	"c.last_visit_on, c.next_visit_due, c.version, c.deleted_at, co.display_name, cd.name, c.in_pool, " \
	"c.protected_until, c.last_progress_on, " \
	"(SELECT GROUP_CONCAT(item_id ORDER BY item_id) FROM client_product_lines WHERE client_id = c.id), " \
	"c.last_service_on, c.filing_due, c.filed_late, " CARD_VERSIONS_COLS \
	"FROM clients c LEFT JOIN users co ON co.id = c.owner_id " \
	"LEFT JOIN departments cd ON cd.id = c.dept_id " CARD_VERSIONS_JOIN

/* List filters, parameters: owner, dept, grade, nature, lifecycle, region,
 * blacklist, tag (each '' or 0 = any), overdue flag, today. */
#define CARD_FILTERS \
	"AND (? = 0 OR c.owner_id = ?) AND (? = 0 OR c.dept_id = ?) AND (? = 0 OR c.grade_id = ?) " \
	"AND (? = 0 OR c.nature_id = ?) AND (? = '' OR c.lifecycle = ?) AND (? = 0 OR c.region_id = ?) " \
	"AND (? = '' OR c.blacklist = ?) AND (? = '' OR FIND_IN_SET(?, c.tags) > 0) " \
	"AND (? = 0 OR c.next_visit_due < ?) "

#define LIST_COLS "SELECT c.id, c.name, c.short_name, c.card_type, c.grade_id, c.nature_id, c.lifecycle, " \
	"c.region_id, c.blacklist, c.scope, c.next_visit_due, c.registered_at, c.owner_id, " \
	"(SELECT display_name FROM users WHERE id = c.owner_id), c.dept_id, " \
	"(SELECT name FROM departments WHERE id = c.dept_id), c.phone, c.name_norm, c.in_pool FROM clients c "

/* The client list. Users who see everything read the table in the list's
 * order; everyone else gets the union of the branches of DESIGN.md §5, each
 * read through its own index in the list's order and cut at the page size:
 *   1 own cards            owner_id = ?
 *   2 department cards     dept_id = ? AND scope = 'department'
 *   3/4 managed subtree    scope personal/department AND dept_id IN (the subtree)
 *   5 view grants          user_id = ? AND expires_at > ?
 * Each branch takes its own parameters, then the filters (CARD_FILTERS), then
 * the keyset parameters and the limit; the outer query takes the limit. */
#define SUBTREE SQL_DEPT_SUBTREE
#define BRANCH(hint, cond, key, keyset, order) "(SELECT c.id" key " FROM clients c " hint "WHERE " \
	"c.deleted_at IS NULL AND " cond " " CARD_FILTERS "AND " keyset " ORDER BY " order " LIMIT ?)"
/* The branches by id but the grants' read the live cards of their index
 * (sql/075), named: MariaDB read the department's through the primary key
 * instead, 5,001 rows for a page of 51. */
#define LIVE_OWN "FORCE INDEX (ix_clients_owner_live) "
#define LIVE_DEPT "FORCE INDEX (ix_clients_dept_scope_live) "
/* A manager's departments as 24 parameters (padded by repeating one), so the
 * optimiser reads one department's rows in index order; larger subtrees use
 * the recursive form (SUBTREE, one parameter: the root). */
#define DEPT_SLOTS 24
#define DEPTS24 "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
/* The five branches above, each made by B(hint, condition, …) and joined by
 * sep: the page's (BRANCH, UNION), the count's (COUNT_BRANCH, UNION ALL) and
 * the count's probes (PROBE_BRANCH, OR) are the same five. */
#define VISIBLE_BRANCHES(B, sep, own, dept, depts, ...) \
	B(own, "c.owner_id = ?", __VA_ARGS__) sep \
	B(dept, "c.dept_id = ? AND c.scope = 'department'", __VA_ARGS__) sep \
	B(dept, "c.scope = 'personal' AND c.dept_id IN " depts, __VA_ARGS__) sep \
	B(dept, "c.scope = 'department' AND c.dept_id IN " depts, __VA_ARGS__) sep \
	B("", "c.id IN (SELECT g.client_id FROM client_grants g WHERE g.user_id = ? AND g.expires_at > ?)", \
	  __VA_ARGS__)
#define BRANCHES_HINTED(own, dept, depts, key, keyset, order) \
	VISIBLE_BRANCHES(BRANCH, " UNION ", own, dept, depts, key, keyset, order)
#define BRANCHES_WITH(depts, key, keyset, order) BRANCHES_HINTED("", "", depts, key, keyset, order)
#define BRANCHES_NEW(depts, keyset, order) BRANCHES_HINTED(LIVE_OWN, LIVE_DEPT, depts, "", keyset, order)
#define KEYSET_NEW "c.id < ?"
#define KEYSET_NAME "(c.name_norm > ? OR (c.name_norm = ? AND c.id > ?))"
#define KEYSET_DUE "c.next_visit_due IS NOT NULL AND (c.next_visit_due > ? OR (c.next_visit_due = ? AND c.id > ?))"
#define ORDER_NEW "c.id DESC"
#define ORDER_NAME "c.name_norm, c.id"
#define ORDER_DUE "c.next_visit_due, c.id"
/* The previous page: the same keys read backwards (the opposite comparison,
 * the reverse order), then shown reversed; never OFFSET. */
#define KEYSET_NEW_BACK "c.id > ?"
#define KEYSET_NAME_BACK "(c.name_norm < ? OR (c.name_norm = ? AND c.id < ?))"
#define KEYSET_DUE_BACK "c.next_visit_due IS NOT NULL AND (c.next_visit_due < ? OR (c.next_visit_due = ? AND c.id < ?))"
#define ORDER_NEW_BACK "c.id"
#define ORDER_NAME_BACK "c.name_norm DESC, c.id DESC"
#define ORDER_DUE_BACK "c.next_visit_due DESC, c.id DESC"
/* The capped count of a list (LIST_CAP + 1 rows at most are read): the same
 * visibility branches and filters, each cut at the cap, the union counted.
 * Without any filter (_PLAIN: the branches take no filter parameters) the
 * own and the department's branches are read from their index alone: a
 * filter names columns the index has not, even one that is off (? = 0).
 * The branches are joined with UNION ALL and their ids counted once
 * (COUNT(DISTINCT)): a UNION merged up to 5,005 ids into a temporary table
 * with a key: a salesperson's count 3.4 -> 2.0–3.1 ms, a manager's unchanged (3.5 ms).
 * Without filters, each branch is first probed for a row past the cap
 * (LIMIT cap, 1, read in its index, nothing stored): when one branch alone
 * has more than the cap, so has the list, and the union is not read (a
 * salesperson with 5,000 cards: 2.6 -> 1.1 ms). The probes take the
 * branches' parameters with the cap as the limit, then the cap + 1 (the
 * answer), then the union's. A filtered branch reads rows to test its
 * filters, so a probe that finds nothing would double the count's work:
 * the filtered counts are the union alone. */
#define LIST_CAP 1000
#define PROBE_BRANCH(hint, cond, filters) "(SELECT 1 FROM clients c " hint "WHERE c.deleted_at IS NULL AND " \
	cond " " filters "AND " KEYSET_NEW " LIMIT ?, 1) IS NOT NULL"
#define PROBE_BRANCHES(depts, filters) VISIBLE_BRANCHES(PROBE_BRANCH, " OR ", LIVE_OWN, LIVE_DEPT, depts, filters)
#define LIST_COUNT(depts, filters) "SELECT COUNT(DISTINCT x.id) FROM (" COUNT_BRANCHES(depts, filters) ") x"
#define LIST_COUNT_PROBED(depts) "SELECT CASE WHEN " PROBE_BRANCHES(depts, "") " THEN ? ELSE (" LIST_COUNT(depts, "") ") END"
#define T_LIST_COUNT_PROBED(depts) T_BRANCHES(depts, T_BRANCH_PLAIN) "i" T_BRANCHES(depts, T_BRANCH_PLAIN)
#define COUNT_BRANCH(hint, cond, filters) "(SELECT c.id FROM clients c " hint "WHERE c.deleted_at IS NULL AND " \
	cond " " filters "AND " KEYSET_NEW " LIMIT ?)"
#define COUNT_BRANCHES(depts, filters) \
	VISIBLE_BRANCHES(COUNT_BRANCH, " UNION ALL ", LIVE_OWN, LIVE_DEPT, depts, filters)

/* Clients nobody served (unserved.c): served = registered, visited or progress noted (last_service_on). */
#define UNSERVED_COLS "SELECT c.id, c.name, (SELECT display_name FROM users WHERE id = c.owner_id), " \
	"(SELECT name FROM departments WHERE id = c.dept_id), c.last_service_on, c.lifecycle, " \
	"(SELECT MAX(q.id) FROM requests q WHERE q.client_id = c.id AND q.req_type = 'reassign' " \
	"AND q.status = 'pending') FROM clients c "
#define UNSERVED_WHERE "c.deleted_at IS NULL AND c.in_pool = 0 AND c.lifecycle <> 'former' AND c.last_service_on < ? "
#define KEYSET_SERVICE "(c.last_service_on > ? OR (c.last_service_on = ? AND c.id > ?))"
enum unserved_col { UN_ID, UN_NAME, UN_OWNER, UN_DEPT, UN_SINCE, UN_LIFECYCLE, UN_PENDING };

#define IDS10 "?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
#define IDS100 IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10 ", " IDS10

/* The parameter types of the list statements, beside their SQL above. */
#define X_T(col, type, max, section, flags, extra) "s"
#define T_FILTERS "iiiiiiii" "ss" "ii" "ss" "ss" "is"
#define T_BRANCH_NEW T_FILTERS "i" "i"
#define T_BRANCH_PLAIN "i" "i"
#define T_BRANCH_KEYED T_FILTERS "ssi" "i"
#define T_D24 "iiiiiiiiiiiiiiiiiiiiiiii"
#define T_BRANCHES(depts, branch) "i" branch "i" branch depts branch depts branch "is" branch
#define T_IDS10 "iiiiiiiiii"
#define T_IDS100 T_IDS10 T_IDS10 T_IDS10 T_IDS10 T_IDS10 T_IDS10 T_IDS10 T_IDS10 T_IDS10 T_IDS10

/* Result columns, beside their statements below. */
enum grade_col { GR_ID, GR_CODE, GR_NAME_ZH, GR_NAME_EN, GR_QUOTA, GR_VISIT_DAYS, GR_VERSION }; /* Q_GRADE_GET, Q_GRADES_ALL */
enum quota_col { QC_TOTAL, QC_HAVE };                          /* Q_DEPT_GRADE_COUNT */
enum dash_quota_col { DQ_DEPT, DQ_GRADE, DQ_HAVE, DQ_TOTAL, DQ_PCT, DQ_AT };   /* Q_DASH_QUOTAS */
enum class_col { CI_ID, CI_KIND, CI_PARENT, CI_CODE, CI_NAME_ZH, CI_NAME_EN, CI_SORT, CI_DISABLED, CI_VERSION }; /* Q_CLASS_GET */
enum class_kind_col { CK_ID, CK_PARENT };                     /* Q_CLASS_OF_KIND: id, parent, … */
enum deleted_col { DD_ID, DD_NAME, DD_DELETED_AT, DD_DEPT };     /* Q_CLIENTS_DELETED */
enum card_check_col { CC_ID, CC_OWNER_ID, CC_DEPT_ID, CC_SCOPE, CC_IN_POOL, CC_SHOWN_VER, CC_PARTS_VER,
		      CC_REFS_VER, CC__COLS };  /* Q_CARD_CHECK */
enum card_parts_col { CP_KIND, CP_ORDER, CP__COLS };  /* Q_CARD_PARTS, then Q_PERSONS_OF's or Q_HISTORY_OF's */
enum history_col { HI_ID, HI_AT, HI_FIELD, HI_OLD, HI_NEW, HI_REASON, HI_ACTOR, HI_PERSON, HI_EVENT, HI_LATE };  /* Q_HISTORY_OF */
enum import_col { IM_ID, IM_USER, IM_AT, IM_STATUS, IM_FILENAME, IM_ENCODING, IM_TOTAL, IM_ADDED, IM_REJECTED,
		  IM_CONTENT };                                     /* Q_IMPORT_GET */
enum dupe_col { DU_ID, DU_NAME, DU_OWNER, DU_REGISTERED, DU_BLACKLIST, DU_CODE, DU_DIGITS, DU_NORM };  /* Q_CLIENT_DUPES */
enum class_all_col { CA_ID, CA_KIND, CA_PARENT, CA_CODE, CA_NAME_ZH, CA_NAME_EN, CA_DISABLED };  /* Q_CLASS_ALL */
enum warn_col { PW_ID, PW_NAME, PW_UNTIL, PW_PROGRESS };            /* Q_PROSPECTS_WARN */
enum purge_col { PG_ID, PG_NAME, PG_DELETED_AT };                /* Q_CLIENT_PURGE_LOCK */
enum card_view_col { CV_ID, CV_AT, CV_VIA, CV_PAGE, CV_USER_ID, CV_USER_NAME, CV_USER_DEPT };  /* Q_VIEWS_OF_CARD */
enum user_view_col { UV_ID, UV_AT, UV_VIA, UV_PAGE, UV_CLIENT_ID, UV_CLIENT_NAME };          /* Q_VIEWS_OF_USER */
enum log_user_col { LU_ID, LU_NAME, LU_DEPT };                                              /* Q_VIEW_LOG_USERS */
enum deletion_col { DR_ID, DR_REQUESTER, DR_APPROVER, DR_AT };   /* Q_CLIENT_DELETE_REQUEST */

#define CLIENTS_SQL(X) \
	X(Q_CLASS_ALL, "", "SELECT id, kind, parent_id, code, name_zh, name_en, disabled FROM class_items " \
		"ORDER BY kind, sort, id") \
	X(Q_GRADES_ALL, "", "SELECT id, code, name_zh, name_en, quota_pct, visit_days FROM grades ORDER BY sort, id") \
	X(Q_CLASS_OF_KIND, "s", "SELECT c.id, c.parent_id, c.code, c.name_zh, c.name_en, c.sort, c.disabled, " \
		"(SELECT p.name_zh FROM class_items p WHERE p.id = c.parent_id), c.version FROM class_items c " \
		"WHERE c.kind = ? ORDER BY COALESCE(c.parent_id, c.id), c.parent_id IS NOT NULL, c.sort, c.id") \
	X(Q_CLASS_GET, "i", "SELECT id, kind, parent_id, code, name_zh, name_en, sort, disabled, version FROM class_items WHERE id = ?") \
	X(Q_CLASS_INSERT, "sssssi", "INSERT INTO class_items (kind, parent_id, code, name_zh, name_en, sort, disabled) " \
		"VALUES (?, ?, ?, ?, ?, ?, 0)") \
	X(Q_CLASS_UPDATE, "ssssiiii", "UPDATE class_items SET parent_id = ?, code = ?, name_zh = ?, name_en = ?, sort = ?, " \
		"disabled = ?, version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_GRADE_GET, "i", "SELECT id, code, name_zh, name_en, quota_pct, visit_days, version FROM grades WHERE id = ?") \
	X(Q_GRADE_UPDATE, "sssiii", "UPDATE grades SET name_zh = ?, name_en = ?, quota_pct = ?, visit_days = ?, " \
		"version = version + 1 WHERE id = ? AND version = ?") \
	X(Q_GRADES_LIST, "", "SELECT id, code, name_zh, name_en, quota_pct, visit_days, version FROM grades ORDER BY sort, id") \
	X(Q_CLIENT_GET, "i", CARD_SELECT "WHERE c.id = ?") \
	/* who may see a live card and its versions: before a page a worker keeps is shown again */ \
	X(Q_CARD_CHECK, "i", "SELECT c.id, c.owner_id, c.dept_id, c.scope, c.in_pool, " CARD_VERSIONS_COLS \
		"FROM clients c " CARD_VERSIONS_JOIN "WHERE c.id = ? AND c.deleted_at IS NULL") \
	X(Q_CLIENT_EXPORT, T_IDS100 T_IDS100, CARD_SELECT "WHERE c.id IN (" IDS100 ") ORDER BY FIELD(c.id, " IDS100 ")") \
	X(Q_CLIENT_INSERT, CLIENT_FIELDS(X_T) "ssssssss", "INSERT INTO clients (" CLIENT_COLS "name_norm, phone_digits, owner_id, dept_id, " \
		"scope, registered_at, registered_by, updated_at, version) VALUES (" CLIENT_FIELDS(X_Q) \
		"?, ?, ?, ?, ?, ?, ?, ?, 1)") \
	X(Q_CLIENT_UPDATE, CLIENT_FIELDS(X_T) "sss" "ii", "UPDATE clients SET " CLIENT_FIELDS(X_SET) "name_norm = ?, phone_digits = ?, " \
		"updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_DUPES, "issss", "SELECT c.id, c.name, (SELECT display_name FROM users WHERE id = c.owner_id), " \
		"c.registered_at, c.blacklist, c.credit_code, c.phone_digits, c.name_norm FROM clients c " \
		"WHERE c.deleted_at IS NULL AND c.id <> ? AND (c.name_norm = ? OR (? <> '' AND c.phone_digits = ?) " \
		"OR c.credit_code = ?) ORDER BY c.registered_at, c.id LIMIT 10") \
	X(Q_CLIENT_DUP_LOCK, "ii", "UPDATE client_dup_locks SET n = n + 1 WHERE bucket IN (?, ?)") \
	X(Q_CLIENT_EXISTS, "i", "SELECT id, name FROM clients WHERE id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_ALL_NEW, T_FILTERS "i" "i", LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_NEW \
		" ORDER BY " ORDER_NEW " LIMIT ?") \
	X(Q_CLIENT_ALL_NAME, T_FILTERS "ssi" "i", LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_NAME \
		" ORDER BY " ORDER_NAME " LIMIT ?") \
	X(Q_CLIENT_ALL_DUE, T_FILTERS "ssi" "i", LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_DUE \
		" ORDER BY " ORDER_DUE " LIMIT ?") \
	X(Q_CLIENT_MINE_NEW, T_BRANCHES(T_D24, T_BRANCH_NEW) "i", LIST_COLS "JOIN (" BRANCHES_NEW(DEPTS24, KEYSET_NEW, ORDER_NEW) ") v " \
		"ON v.id = c.id ORDER BY " ORDER_NEW " LIMIT ?") \
	X(Q_CLIENT_MINE_NAME, T_BRANCHES(T_D24, T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, ", c.name_norm", KEYSET_NAME, ORDER_NAME) \
		") v ON v.id = c.id ORDER BY " ORDER_NAME " LIMIT ?") \
	X(Q_CLIENT_MINE_DUE, T_BRANCHES(T_D24, T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, ", c.next_visit_due", KEYSET_DUE, ORDER_DUE) \
		") v ON v.id = c.id ORDER BY " ORDER_DUE " LIMIT ?") \
	X(Q_CLIENT_TREE_NEW, T_BRANCHES("i", T_BRANCH_NEW) "i", LIST_COLS "JOIN (" BRANCHES_NEW(SUBTREE, KEYSET_NEW, ORDER_NEW) ") v " \
		"ON v.id = c.id ORDER BY " ORDER_NEW " LIMIT ?") \
	X(Q_CLIENT_TREE_NAME, T_BRANCHES("i", T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, ", c.name_norm", KEYSET_NAME, ORDER_NAME) \
		") v ON v.id = c.id ORDER BY " ORDER_NAME " LIMIT ?") \
	X(Q_CLIENT_TREE_DUE, T_BRANCHES("i", T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, ", c.next_visit_due", KEYSET_DUE, ORDER_DUE) \
		") v ON v.id = c.id ORDER BY " ORDER_DUE " LIMIT ?") \
	X(Q_CLIENT_ALL_NEW_BACK, T_FILTERS "i" "i", LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_NEW_BACK \
		" ORDER BY " ORDER_NEW_BACK " LIMIT ?") \
	X(Q_CLIENT_ALL_NAME_BACK, T_FILTERS "ssi" "i", LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_NAME_BACK \
		" ORDER BY " ORDER_NAME_BACK " LIMIT ?") \
	X(Q_CLIENT_ALL_DUE_BACK, T_FILTERS "ssi" "i", LIST_COLS "WHERE c.deleted_at IS NULL " CARD_FILTERS "AND " KEYSET_DUE_BACK \
		" ORDER BY " ORDER_DUE_BACK " LIMIT ?") \
	X(Q_CLIENT_MINE_NEW_BACK, T_BRANCHES(T_D24, T_BRANCH_NEW) "i", LIST_COLS "JOIN (" BRANCHES_NEW(DEPTS24, KEYSET_NEW_BACK, ORDER_NEW_BACK) ") v " \
		"ON v.id = c.id ORDER BY " ORDER_NEW_BACK " LIMIT ?") \
	X(Q_CLIENT_MINE_NAME_BACK, T_BRANCHES(T_D24, T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, ", c.name_norm", KEYSET_NAME_BACK, ORDER_NAME_BACK) \
		") v ON v.id = c.id ORDER BY " ORDER_NAME_BACK " LIMIT ?") \
	X(Q_CLIENT_MINE_DUE_BACK, T_BRANCHES(T_D24, T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(DEPTS24, ", c.next_visit_due", KEYSET_DUE_BACK, ORDER_DUE_BACK) \
		") v ON v.id = c.id ORDER BY " ORDER_DUE_BACK " LIMIT ?") \
	X(Q_CLIENT_TREE_NEW_BACK, T_BRANCHES("i", T_BRANCH_NEW) "i", LIST_COLS "JOIN (" BRANCHES_NEW(SUBTREE, KEYSET_NEW_BACK, ORDER_NEW_BACK) ") v " \
		"ON v.id = c.id ORDER BY " ORDER_NEW_BACK " LIMIT ?") \
	X(Q_CLIENT_TREE_NAME_BACK, T_BRANCHES("i", T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, ", c.name_norm", KEYSET_NAME_BACK, ORDER_NAME_BACK) \
		") v ON v.id = c.id ORDER BY " ORDER_NAME_BACK " LIMIT ?") \
	X(Q_CLIENT_TREE_DUE_BACK, T_BRANCHES("i", T_BRANCH_KEYED) "i", LIST_COLS "JOIN (" BRANCHES_WITH(SUBTREE, ", c.next_visit_due", KEYSET_DUE_BACK, ORDER_DUE_BACK) \
		") v ON v.id = c.id ORDER BY " ORDER_DUE_BACK " LIMIT ?") \
	X(Q_CLIENT_ALL_COUNT, T_FILTERS "i" "i", "SELECT COUNT(*) FROM (SELECT 1 FROM clients c WHERE c.deleted_at IS NULL " \
		CARD_FILTERS "AND " KEYSET_NEW " LIMIT ?) x") \
	X(Q_CLIENT_MINE_COUNT, T_BRANCHES(T_D24, T_BRANCH_NEW), LIST_COUNT(DEPTS24, CARD_FILTERS)) \
	X(Q_CLIENT_TREE_COUNT, T_BRANCHES("i", T_BRANCH_NEW), LIST_COUNT(SUBTREE, CARD_FILTERS)) \
	X(Q_CLIENT_MINE_COUNT_PLAIN, T_LIST_COUNT_PROBED(T_D24), LIST_COUNT_PROBED(DEPTS24)) \
	X(Q_CLIENT_TREE_COUNT_PLAIN, T_LIST_COUNT_PROBED("i"), LIST_COUNT_PROBED(SUBTREE)) \
	X(Q_CLIENT_GRAM_COUNT, "s", "SELECT COUNT(*) FROM (SELECT 1 FROM client_grams WHERE gram = ? LIMIT 20000) x") \
	X(Q_CLIENT_SEARCH_GRAM, "sisssi", LIST_COLS "JOIN client_grams g ON g.client_id = c.id " \
		"WHERE g.gram = ? AND g.client_id < ? AND c.deleted_at IS NULL AND (c.name_norm LIKE ? " \
		"OR c.short_name LIKE ? OR EXISTS (SELECT 1 FROM client_persons p WHERE p.client_id = c.id " \
		"AND p.removed = 0 AND p.name LIKE ?)) ORDER BY g.client_id DESC LIMIT ?") \
	X(Q_CLIENT_SEARCH_GRAM_BACK, "sisssi", LIST_COLS "JOIN client_grams g ON g.client_id = c.id " \
		"WHERE g.gram = ? AND g.client_id > ? AND c.deleted_at IS NULL AND (c.name_norm LIKE ? " \
		"OR c.short_name LIKE ? OR EXISTS (SELECT 1 FROM client_persons p WHERE p.client_id = c.id " \
		"AND p.removed = 0 AND p.name LIKE ?)) ORDER BY g.client_id LIMIT ?") \
	X(Q_CLIENT_SEARCH_GRAM_COUNT, "sisssi", "SELECT COUNT(*) FROM (SELECT 1 FROM client_grams g " \
		"JOIN clients c ON c.id = g.client_id " \
		"WHERE g.gram = ? AND g.client_id < ? AND c.deleted_at IS NULL AND (c.name_norm LIKE ? " \
		"OR c.short_name LIKE ? OR EXISTS (SELECT 1 FROM client_persons p WHERE p.client_id = c.id " \
		"AND p.removed = 0 AND p.name LIKE ?)) LIMIT ?) x") \
	X(Q_CLIENT_SEARCH_CODE, "s", LIST_COLS "WHERE c.credit_code = ? AND c.deleted_at IS NULL") \
	X(Q_CLIENT_SEARCH_PHONE, "sii", LIST_COLS "WHERE c.phone_digits = ? AND c.deleted_at IS NULL " \
		"AND c.id < ? ORDER BY c.id DESC LIMIT ?") \
	X(Q_CLIENT_SEARCH_PHONE_BACK, "sii", LIST_COLS "WHERE c.phone_digits = ? AND c.deleted_at IS NULL " \
		"AND c.id > ? ORDER BY c.id LIMIT ?") \
	X(Q_CLIENT_SEARCH_PHONE_COUNT, "sii", "SELECT COUNT(*) FROM (SELECT 1 FROM clients c WHERE c.phone_digits = ? " \
		"AND c.deleted_at IS NULL AND c.id < ? LIMIT ?) x") \
	/* columns: BL_* (clients.h) */ \
	X(Q_CLIENT_BLACKLIST, "siiii", "SELECT c.id, c.name, c.blacklist, c.blacklist_reason, c.dept_id, " \
		"(SELECT name FROM departments WHERE id = c.dept_id), c.updated_at, c.owner_id, c.scope, c.in_pool " \
		"FROM clients c " \
		"WHERE c.blacklist = ? AND c.deleted_at IS NULL AND (? = 0 OR c.dept_id = ?) AND c.id < ? " \
		"ORDER BY c.id DESC LIMIT ?") \
	/* a preview keeps its counts (to add, rejected) in rows_added, rows_rejected; the commit sets the real ones */ \
	X(Q_IMPORT_INSERT, "isssiiis", "INSERT INTO imports (user_id, at, status, filename, encoding, rows_total, rows_added, " \
		"rows_rejected, content) VALUES (?, ?, 'preview', ?, ?, ?, ?, ?, ?)") \
	X(Q_IMPORT_GET, "i", "SELECT id, user_id, at, status, filename, encoding, rows_total, rows_added, rows_rejected, " \
		"content, committed_at, undone_at FROM imports WHERE id = ?") \
	X(Q_IMPORT_MINE, "i", "SELECT id, at, status, filename, encoding, rows_total, rows_added, rows_rejected, " \
		"committed_at, undone_at FROM imports WHERE user_id = ? ORDER BY id DESC LIMIT 20") \
	X(Q_IMPORT_CLAIM, "si", "UPDATE imports SET status = 'done', committed_at = ? WHERE id = ? AND status = 'preview'") \
	X(Q_IMPORT_FINISH, "iisi", "UPDATE imports SET rows_added = ?, rows_rejected = ?, rejected_csv = ?, content = NULL " \
		"WHERE id = ?") \
	X(Q_IMPORT_UNDO, "sii", "UPDATE imports SET status = 'undone', undone_at = ?, undone_by = ? WHERE id = ? AND status = 'done'") \
	X(Q_IMPORT_CLIENTS, "i", "SELECT id, name FROM clients WHERE import_id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_HIDE, "si", "UPDATE clients SET deleted_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL") \
	X(Q_CLIENT_SET_IMPORT, "ii", "UPDATE clients SET import_id = ? WHERE id = ?") \
	X(Q_IMPORT_REJECTED, "ii", "SELECT rejected_csv, filename FROM imports WHERE id = ? AND user_id = ?") \
	/* the user's view grants in force: read once per request, however many cards a page checks */ \
	X(Q_GRANTS_ACTIVE, "is", "SELECT client_id, MAX(expires_at) FROM client_grants WHERE user_id = ? AND expires_at > ? " \
		"GROUP BY client_id ORDER BY client_id LIMIT 1000") \
	X(Q_VIEW_INSERT, "iisss", "INSERT INTO client_views (client_id, user_id, at, via, page) VALUES (?, ?, ?, ?, ?)") \
	/* the view logs (views.c): newest first, by key (id < ?), within a period [from, to + 1 day) */ \
	X(Q_VIEWS_OF_CARD, "iissi", "SELECT v.id, v.at, v.via, v.page, v.user_id, COALESCE(u.display_name, ''), " \
		"COALESCE((SELECT name FROM departments WHERE id = u.dept_id), '') FROM client_views v " \
		"LEFT JOIN users u ON u.id = v.user_id WHERE v.client_id = ? AND v.id < ? " \
		"AND v.at >= ? AND v.at < DATE_ADD(?, INTERVAL 1 DAY) ORDER BY v.id DESC LIMIT ?") \
	X(Q_VIEWS_OF_USER, "iissssi", "SELECT v.id, v.at, v.via, v.page, v.client_id, COALESCE(c.name, '') " \
		"FROM client_views v LEFT JOIN clients c ON c.id = v.client_id WHERE v.user_id = ? AND v.id < ? " \
		"AND v.at >= ? AND v.at < DATE_ADD(?, INTERVAL 1 DAY) AND (? = '' OR v.via = ?) " \
		"ORDER BY v.id DESC LIMIT ?") \
	X(Q_VIEW_LOG_USERS, "", "SELECT u.id, u.display_name, COALESCE(d.name, '') FROM users u " \
		"LEFT JOIN departments d ON d.id = u.dept_id ORDER BY d.name, u.display_name, u.id LIMIT 5000") \
	/* a card's grams are changed row by row, by the whole key (card.c, grams_sync) */ \
	X(Q_GRAMS_OF, "i", "SELECT gram FROM client_grams WHERE client_id = ?") \
	X(Q_GRAM_DELETE, "si", "DELETE FROM client_grams WHERE gram = ? AND client_id = ?") \
	X(Q_GRAM_INSERT, "si", "INSERT IGNORE INTO client_grams (gram, client_id) VALUES (?, ?)") \
	X(Q_PRODUCT_LINES_OF, "i", "SELECT item_id FROM client_product_lines WHERE client_id = ? ORDER BY item_id") \
	X(Q_PRODUCT_LINE_DELETE, "is", "DELETE FROM client_product_lines WHERE client_id = ? AND item_id = ?") \
	X(Q_PRODUCT_LINE_ADD, "is", "INSERT IGNORE INTO client_product_lines (client_id, item_id) VALUES (?, ?)") \
	X(Q_HISTORY_INSERT, "isssssss", "INSERT INTO client_history (client_id, person_id, field, old_value, new_value, " \
		"actor_id, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	/* filing deadlines (filing.c) */ \
	X(Q_CLIENT_FILING, "sii", "UPDATE clients SET filing_due = ?, filed_late = ? WHERE id = ?") \
	X(Q_HISTORY_INSERT_EVENT, "issssssssi", "INSERT INTO client_history (client_id, person_id, field, old_value, " \
		"new_value, actor_id, at, reason, event_on, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_FILING_LATE_COUNTS, "isis", "SELECT (SELECT COUNT(*) FROM clients WHERE registered_by = ? AND filed_late = 1 " \
		"AND registered_at >= ?), (SELECT COUNT(*) FROM client_history WHERE actor_id = ? AND late = 1 AND at >= ?)") \
	X(Q_HISTORY_OF, "iii", "SELECT h.id, h.at, h.field, h.old_value, h.new_value, h.reason, " \
		"(SELECT display_name FROM users WHERE id = h.actor_id), h.person_id, h.event_on, h.late FROM client_history h " \
		"WHERE h.client_id = ? AND h.id < ? ORDER BY h.id DESC LIMIT ?") \
	X(Q_PERSONS_OF, "i", "SELECT id, name, title, phone, mobile, email, purchase_role, personal_notes " \
		"FROM client_persons WHERE client_id = ? AND removed = 0 ORDER BY id") \
	/* the card page's persons (kind 'p', the columns of Q_PERSONS_OF) and newest history \
	 * (kind 'h', those of Q_HISTORY_OF) in one statement: kind, order, then the columns. \
	 * No ORDER BY over the whole: sorting a union's result (TEXT columns, so an on-disk \
	 * temporary table) tripled the statement's cost. MariaDB returns a UNION ALL part \
	 * after part, each in its own order (the persons' is that of ix_client_persons_client, \
	 * as MariaDB drops ORDER BY from a part without LIMIT); test_http_clients checks both. */ \
	X(Q_CARD_PARTS, "iii", "(SELECT 'p', id, id, name, title, phone, mobile, email, purchase_role, " \
		"personal_notes, NULL, NULL FROM client_persons WHERE client_id = ? AND removed = 0 ORDER BY id) UNION ALL " \
		"(SELECT 'h', -h.id, h.id, h.at, h.field, h.old_value, h.new_value, h.reason, u.display_name, " \
		"h.person_id, h.event_on, h.late FROM client_history h LEFT JOIN users u ON u.id = h.actor_id " \
		"WHERE h.client_id = ? ORDER BY h.id DESC LIMIT ?)") \
	X(Q_PERSON_GET, "ii", "SELECT id, name, title, phone, mobile, email, purchase_role, personal_notes, client_id " \
		"FROM client_persons WHERE id = ? AND client_id = ? AND removed = 0") \
	X(Q_PERSON_INSERT, "isssssss", "INSERT INTO client_persons (client_id, name, title, phone, mobile, email, " \
		"purchase_role, personal_notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)") \
	X(Q_PERSON_UPDATE, "sssssssii", "UPDATE client_persons SET name = ?, title = ?, phone = ?, mobile = ?, email = ?, " \
		"purchase_role = ?, personal_notes = ? WHERE id = ? AND client_id = ?") \
	X(Q_PERSON_REMOVE, "ii", "UPDATE client_persons SET removed = 1 WHERE id = ? AND client_id = ?") \
	X(Q_HANDOVER_HISTORY, "sssssi", "INSERT INTO client_history (client_id, person_id, field, old_value, new_value, " \
		"actor_id, at, reason) SELECT id, NULL, 'owner_id', ?, ?, ?, ?, ? FROM clients " \
		"WHERE owner_id = ? AND deleted_at IS NULL") \
	X(Q_HANDOVER_CLIENTS, "iisi", "UPDATE clients SET owner_id = ?, dept_id = ?, updated_at = ?, version = version + 1 " \
		"WHERE owner_id = ? AND deleted_at IS NULL") \
	X(Q_GRANT_INSERT, "iisi", "INSERT INTO client_grants (client_id, user_id, expires_at, granted_by) VALUES (?, ?, ?, ?)") \
	X(Q_CLIENT_LOCK, "i", "SELECT id, grade_id, scope, owner_id, lifecycle, blacklist, dept_id, deleted_at, name, " \
		"in_pool FROM clients WHERE id = ? FOR UPDATE") \
	/* a new grade: a new visit cadence from the last visit (never more than a year) */ \
	X(Q_CLIENT_SET_GRADE, "sssi", "UPDATE clients SET grade_id = ?, next_visit_due = IF(last_visit_on IS NULL, " \
		"next_visit_due, DATE_ADD(last_visit_on, INTERVAL LEAST(COALESCE((SELECT g.visit_days FROM grades g " \
		"WHERE g.id = ?), 365), 365) DAY)), updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_SET_SCOPE, "ssi", "UPDATE clients SET scope = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_SET_OWNER, "iisi", "UPDATE clients SET owner_id = ?, dept_id = ?, updated_at = ?, version = version + 1 " \
		"WHERE id = ?") \
	X(Q_CLIENT_SET_LIFECYCLE, "ssi", "UPDATE clients SET lifecycle = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_SET_BLACKLIST, "sssi", "UPDATE clients SET blacklist = ?, blacklist_reason = ?, updated_at = ?, " \
		"version = version + 1 WHERE id = ?") \
	X(Q_CLIENT_RESTORE, "sis", "UPDATE clients SET deleted_at = NULL, updated_at = ?, version = version + 1 " \
		"WHERE id = ? AND deleted_at IS NOT NULL AND deleted_at > ?") \
	X(Q_CLIENT_GET_DELETED, "i", CARD_SELECT "WHERE c.id = ? AND c.deleted_at IS NOT NULL") \
	X(Q_CLIENTS_DELETED, "s", "SELECT c.id, c.name, c.deleted_at, c.dept_id, (SELECT name FROM departments " \
		"WHERE id = c.dept_id), (SELECT display_name FROM users WHERE id = c.owner_id) FROM clients c " \
		"WHERE c.deleted_at > ? AND c.import_id IS NULL ORDER BY c.deleted_at DESC LIMIT 500") \
	X(Q_CLIENTS_PURGE_DUE, "s", "SELECT id FROM clients WHERE deleted_at IS NOT NULL AND deleted_at <= ? " \
		"ORDER BY deleted_at LIMIT 500") \
	X(Q_CLIENT_PURGE_LOCK, "is", "SELECT id, name, deleted_at FROM clients WHERE id = ? AND deleted_at IS NOT NULL " \
		"AND deleted_at <= ? FOR UPDATE") \
	X(Q_CLIENT_DELETE_REQUEST, "i", "SELECT r.id, (SELECT display_name FROM users WHERE id = r.requester_id), " \
		"(SELECT GROUP_CONCAT(u.display_name) FROM request_decisions d JOIN users u ON u.id = d.decider_id " \
		"WHERE d.request_id = r.id AND d.decision = 'approved'), r.decided_at FROM requests r " \
		"WHERE r.client_id = ? AND r.req_type = 'delete' AND r.status = 'approved' ORDER BY r.id DESC LIMIT 1") \
	X(Q_PURGE_GRAMS, "i", "DELETE FROM client_grams WHERE client_id = ?") \
	X(Q_PURGE_LINES, "i", "DELETE FROM client_product_lines WHERE client_id = ?") \
	X(Q_PURGE_PERSONS, "i", "DELETE FROM client_persons WHERE client_id = ?") \
	X(Q_PURGE_GRANTS, "i", "DELETE FROM client_grants WHERE client_id = ?") \
	X(Q_PURGE_CLIENT, "i", "DELETE FROM clients WHERE id = ?") \
	X(Q_CLIENT_PROTECT, "ssi", "UPDATE clients SET protected_until = ?, last_progress_on = ? WHERE id = ?") \
	X(Q_PROSPECTS_HELD, "is", "SELECT COUNT(*) FROM clients WHERE owner_id = ? AND lifecycle = 'prospect' " \
		"AND in_pool = 0 AND protected_until >= ? AND deleted_at IS NULL") \
	X(Q_CLIENT_PROGRESS, "ssi", "UPDATE clients SET last_progress_on = ?, updated_at = ?, version = version + 1 " \
		"WHERE id = ? AND deleted_at IS NULL") \
	/* the client's intent recorded: a prospect becomes a new client */ \
	X(Q_CLIENT_INTENT, "si", "UPDATE clients SET lifecycle = 'new', updated_at = ?, version = version + 1 " \
		"WHERE id = ? AND lifecycle = 'prospect' AND deleted_at IS NULL") \
	X(Q_CLIENT_TAKE_OVER, "iisssi", "UPDATE clients SET owner_id = ?, dept_id = ?, in_pool = 0, pool_since = NULL, " \
		"protected_until = ?, last_progress_on = ?, updated_at = ?, version = version + 1 WHERE id = ?") \
	X(Q_PROSPECTS_DROPPING, "ss", "SELECT id FROM clients WHERE in_pool = 0 AND lifecycle = 'prospect' " \
		"AND deleted_at IS NULL AND (protected_until < ? OR last_progress_on < ?) LIMIT 500") \
	X(Q_CLIENT_TO_POOL, "siss", "UPDATE clients SET in_pool = 1, pool_since = ?, version = version + 1 WHERE id = ? " \
		"AND in_pool = 0 AND lifecycle = 'prospect' AND (protected_until < ? OR last_progress_on < ?)") \
	X(Q_POOL_OF_DEPT, "iii", "SELECT c.id, c.name, c.pool_since, (SELECT display_name FROM users WHERE id = c.owner_id), " \
		"c.registered_at FROM clients c WHERE c.dept_id = ? AND c.in_pool = 1 AND c.deleted_at IS NULL " \
		"AND c.id < ? ORDER BY c.id DESC LIMIT ?") \
	/* ---- clients nobody served for unserved_months (unserved.c): oldest service first, by key ---- */ \
	X(Q_UNSERVED_ALL, "sssii", UNSERVED_COLS "WHERE " UNSERVED_WHERE "AND " KEYSET_SERVICE \
		" ORDER BY c.last_service_on, c.id LIMIT ?") \
	X(Q_UNSERVED_TREE, "sissii", UNSERVED_COLS "WHERE " UNSERVED_WHERE "AND c.dept_id IN " SUBTREE " AND " \
		KEYSET_SERVICE " ORDER BY c.last_service_on, c.id LIMIT ?") \
	X(Q_UNSERVED_ALL_COUNT, "si", "SELECT COUNT(*) FROM (SELECT c.id FROM clients c WHERE " UNSERVED_WHERE \
		"LIMIT ?) t") \
	X(Q_UNSERVED_TREE_COUNT, "sii", "SELECT COUNT(*) FROM (SELECT c.id FROM clients c WHERE " UNSERVED_WHERE \
		"AND c.dept_id IN " SUBTREE " LIMIT ?) t") \
	/* a card still unserved when a reassignment is asked for or approved */ \
	X(Q_CLIENT_UNSERVED, "is", "SELECT COUNT(*) FROM clients c WHERE c.id = ? AND " UNSERVED_WHERE) \
	/* the index named: MariaDB otherwise weighs seven of clients' indexes at each execution, \
	 * which cost as much as the read itself */ \
	X(Q_PROSPECTS_WARN, "iss", "SELECT c.id, c.name, c.protected_until, c.last_progress_on FROM clients c " \
		"FORCE INDEX (ix_clients_owner_prospects) WHERE c.owner_id = ? AND c.lifecycle = 'prospect' AND c.in_pool = 0 AND c.deleted_at IS NULL " \
		"AND (c.protected_until <= ? OR c.last_progress_on <= ?) ORDER BY c.protected_until LIMIT 20") \
	X(Q_DEPT_GRADE_COUNT, "ii", "SELECT COUNT(*), COALESCE(SUM(grade_id = ?), 0) FROM clients " \
		"WHERE dept_id = ? AND deleted_at IS NULL") \
	/* the summary rows of the quota shares (sql/045_dashboard.sql): the same count as Q_DEPT_GRADE_COUNT, \
	 * for every department and grade at once, by the clients.quota_counts task */ \
	X(Q_QUOTA_COUNTS_CLEAR, "", "DELETE FROM dept_grade_counts") \
	X(Q_QUOTA_COUNTS_FILL, "s", "INSERT INTO dept_grade_counts (dept_id, grade_id, n, counted_at) " \
		"SELECT dept_id, COALESCE(grade_id, 0), COUNT(*), ? FROM clients WHERE deleted_at IS NULL " \
		"GROUP BY dept_id, grade_id") \
	/* the dashboard's quota shares: each department's count in each grade with a quota, its total, \
	 * and when they were counted */ \
	X(Q_DASH_QUOTAS, "", "SELECT t.dept_id, g.id, COALESCE(s.n, 0), t.total, g.quota_pct, t.counted_at " \
		"FROM (SELECT dept_id, SUM(n) AS total, MIN(counted_at) AS counted_at FROM dept_grade_counts " \
		"GROUP BY dept_id) t JOIN grades g ON g.quota_pct IS NOT NULL " \
		"LEFT JOIN dept_grade_counts s ON s.dept_id = t.dept_id AND s.grade_id = g.id " \
		"ORDER BY t.dept_id, g.sort, g.id")

SQL_DECLARE(CLIENTS_SQL)
extern struct sql *const clients_sql[];

#endif
