/* korak-catalog.h
 *
 * Copyright 2026 The Korak authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A compiled gettext catalog (korak.mo) read directly, so that a document
 * can be printed in a second language beside the interface language:
 * gettext gives one language per process (LANGUAGE wins over per-thread
 * locales, and the locale of a participant's language may not even be
 * generated on the laptop). Lookups return NULL for a msgid the catalog
 * does not translate, so a caller can tell "missing" from "same text". */

typedef struct _KorakCatalog KorakCatalog;

/* Where catalogs live: $KORAK_LOCALEDIR if set (an uninstalled build), else
 * the installed locale folder, as main.c binds the text domain. */
const char   *korak_catalog_get_localedir      (void);

/* Language tags (sl, sq, ar, sr-Latn, pt-BR) that have a korak.mo in the
 * locale folder, sorted. (transfer full) */
GStrv         korak_catalog_list_languages     (void);

/* The catalog of @language (a tag or a gettext name: sr-Latn or sr@latin);
 * G_FILE_ERROR_NOENT when there is none, G_FILE_ERROR_INVAL when the file
 * is not a catalog. A tag with a region falls back to its language. */
KorakCatalog *korak_catalog_new_for_language   (const char    *language,
                                                GError       **error);
KorakCatalog *korak_catalog_new_from_file      (const char    *path,
                                                GError       **error);
void          korak_catalog_free               (KorakCatalog  *catalog);

/* The tag the catalog was opened for (as asked), or the file's name. */
const char   *korak_catalog_get_language       (KorakCatalog  *catalog);

/* The translation of @msgid, or NULL when the catalog lacks it. */
const char   *korak_catalog_lookup             (KorakCatalog  *catalog,
                                                const char    *msgid);
/* The same, for a msgid with a context (C_(), NC_()). */
const char   *korak_catalog_lookup_context     (KorakCatalog  *catalog,
                                                const char    *context,
                                                const char    *msgid);
/* The form of @msgid (whose plural is @msgid_plural) for @n, chosen by the
 * catalog's Plural-Forms; NULL when the catalog lacks it. */
const char   *korak_catalog_lookup_plural      (KorakCatalog  *catalog,
                                                const char    *msgid,
                                                const char    *msgid_plural,
                                                gulong         n);
/* nplurals of Plural-Forms (2 without the header). */
guint         korak_catalog_get_n_plurals      (KorakCatalog  *catalog);
/* Which plural form @n takes, 0 … n_plurals - 1. */
guint         korak_catalog_get_plural_index   (KorakCatalog  *catalog,
                                                gulong         n);

/* Evaluates a Plural-Forms expression ("n%10==1 && n%100!=11 ? 0 : 1")
 * for @n; FALSE when it cannot be parsed. Exposed for tests. */
gboolean      korak_catalog_eval_plural        (const char    *expression,
                                                gulong         n,
                                                gulong        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KorakCatalog, korak_catalog_free)

/* @format (a translation from a catalog, so never a printf format) filled
 * in with @args for %s and %d, also positional (%1$s, %2$d …), with %%;
 * NULL when it asks for anything else or for an argument not given. With
 * @isolate, each argument is wrapped in a first-strong isolate, so a date
 * or a Latin name keeps its order inside a right-to-left sentence. */
char         *korak_catalog_format             (const char        *format,
                                                const char *const *args,
                                                guint              n_args,
                                                gboolean           isolate);

/* "ure · ⁨ساعات⁩": @two after @one on one line, isolated so that each
 * keeps its own order; @one alone when @two is NULL or the same. */
char         *korak_catalog_join_second        (const char        *one,
                                                const char        *two);

G_END_DECLS
