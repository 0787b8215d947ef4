#pragma once

// The inventories every paging test lists, in both readings of PageNum: DBS's own (the first
// page is 0) and a service that counts from 1 (and answers 0 as 1). Each gateway must come
// back exactly once in every case.

#include <api/dbsclient.h>

#include <QList>

namespace fixture {

inline const QList<int> pagingInventorySizes = {0, 1, 12, 29, 30, 31, 100, 237};
inline const QList<int> pagingPageSizes = dbs::pageSizes();
inline const QList<int> pageBases = {0, 1};

// Adds the columns `pageBase`, `gateways` and `pageSize` and one row per combination
// (2 bases x 8 sizes x 3 page sizes), named like "base 1, 237 gateways, 30 a page".
void addPagingRows();
// Only the two page bases (column `pageBase`), for tests that have their own inventory.
void addPageBaseRows();

// The requests a whole listing of an honest service costs: the pages TotalElements implies,
// one more when the last is full (TotalElements may be low), and on a 1-based service its
// first page asked twice (as 0 and 1). Nothing past a short page.
int expectedRequests(int pageBase, int gateways, int pageSize);

} // namespace fixture
