/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Error domains, one per subsystem; the codes say what the operator can do about it. */

#define VG_GEO_ERROR (vg_geo_error_quark ())
typedef enum {
  VG_GEO_ERROR_CRS,          /* a CRS Vigie cannot place, or a failed transformation */
  VG_GEO_ERROR_MALFORMED,    /* a geometry blob or file that does not decode */
  VG_GEO_ERROR_INVALID,      /* a geometry that decodes but is not valid (and could not be repaired) */
  VG_GEO_ERROR_NOT_FOUND,    /* a layer or column that is not in the file */
  VG_GEO_ERROR_TOO_LARGE,    /* a geometry or file beyond Vigie's stated limits */
} VgGeoError;

#define VG_STORE_ERROR (vg_store_error_quark ())
typedef enum {
  VG_STORE_ERROR_OPEN,       /* the file cannot be opened or created */
  VG_STORE_ERROR_READ,       /* reading failed: corrupt or not what was expected */
  VG_STORE_ERROR_WRITE,      /* writing failed: disk full, read-only, I/O error */
  VG_STORE_ERROR_FORMAT,     /* the file is not of the expected kind or version */
} VgStoreError;

#define VG_DATA_ERROR (vg_data_error_quark ())
typedef enum {
  VG_DATA_ERROR_NOT_FOUND,   /* a bundled data file is missing from the installation */
} VgDataError;

#define VG_FEED_ERROR (vg_feed_error_quark ())
typedef enum {
  VG_FEED_ERROR_UNREACHABLE,   /* network/DNS/TLS: keep last data, mark feed stale */
  VG_FEED_ERROR_HTTP,          /* non-2xx; message carries the status phrase */
  VG_FEED_ERROR_MALFORMED,     /* payload does not match the source's format */
  VG_FEED_ERROR_OUT_OF_RANGE,  /* physically implausible value (e.g. river level < -5 m) */
  VG_FEED_ERROR_REFUSED,       /* refused by policy: biometric data, DTD/entities in XML */
  VG_FEED_ERROR_TOO_LARGE,     /* body or nesting beyond Vigie's stated limits */
  VG_FEED_ERROR_CONTENT_TYPE,  /* the server sent something other than what the feed serves */
  VG_FEED_ERROR_UNSUPPORTED,   /* well-formed, but a variant, unit or quantity Vigie does not read */
} VgFeedError;

/* Quark of the VG_GEO_ERROR domain. */
GQuark vg_geo_error_quark   (void);
/* Quark of the VG_STORE_ERROR domain. */
GQuark vg_store_error_quark (void);
/* Quark of the VG_DATA_ERROR domain. */
GQuark vg_data_error_quark  (void);
/* Quark of the VG_FEED_ERROR domain. */
GQuark vg_feed_error_quark  (void);

G_END_DECLS
