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

#define VG_JOURNAL_ERROR (vg_journal_error_quark ())
typedef enum {
  VG_JOURNAL_ERROR_BROKEN_CHAIN, /* the hash chain does not verify: evidence of tampering or damage */
  VG_JOURNAL_ERROR_INVALID,      /* an entry Vigie refuses to record (empty author, bad payload...) */
} VgJournalError;

#define VG_DATA_ERROR (vg_data_error_quark ())
typedef enum {
  VG_DATA_ERROR_NOT_FOUND,   /* a bundled data file is missing from the installation */
  VG_DATA_ERROR_INVALID,     /* a data file (catalogue, configuration) that does not read: names file and field */
} VgDataError;

#define VG_FEED_ERROR (vg_feed_error_quark ())
typedef enum {
  VG_FEED_ERROR_UNREACHABLE,   /* network, DNS, TLS, timeout, cut transfer: keep last data, mark feed stale */
  VG_FEED_ERROR_HTTP,          /* non-2xx answer; the message carries the status and its phrase */
  VG_FEED_ERROR_MALFORMED,     /* payload (or configuration) that does not match its format */
  VG_FEED_ERROR_OUT_OF_RANGE,  /* physically implausible value, or a setting outside its limits */
  VG_FEED_ERROR_REFUSED,       /* record refused on principle (e.g. it carries biometric data) */
  VG_FEED_ERROR_TOO_LARGE,     /* body or decoded body beyond the feed's size cap */
  VG_FEED_ERROR_CONTENT_TYPE,  /* answer of a media type the feed does not accept */
  VG_FEED_ERROR_UNSUPPORTED,   /* feed kind, URL scheme or setting Vigie does not know */
} VgFeedError;
#define VG_RISK_ERROR (vg_risk_error_quark ())
typedef enum {
  VG_RISK_ERROR_INVALID_FORECAST, /* a forecast out of order or physically implausible: not used */
  VG_RISK_ERROR_NO_DISTRICT,      /* the geodata has no district to compute a risk for */
} VgRiskError;
#define VG_SCENARIO_ERROR (vg_scenario_error_quark ())
typedef enum {
  VG_SCENARIO_ERROR_MANIFEST, /* no readable manifest: missing, too large, not JSON, unknown format */
  VG_SCENARIO_ERROR_FIELD,    /* a manifest field is missing, of the wrong type, unknown or duplicated */
  VG_SCENARIO_ERROR_PATH,     /* a file path escapes the scenario folder (absolute, "..", symlink) */
  VG_SCENARIO_ERROR_FILE,     /* a referenced file is missing, not a regular file, or too large */
  VG_SCENARIO_ERROR_TIME,     /* a time that does not parse, or lies outside the scenario's span */
} VgScenarioError;
#define VG_EXPORT_ERROR (vg_export_error_quark ())
typedef enum {
  VG_EXPORT_ERROR_WRITE,      /* the output cannot be written (disk full, read-only, exists) */
  VG_EXPORT_ERROR_JOURNAL,    /* the journal does not verify: a damaged record is not exported */
  VG_EXPORT_ERROR_LANGUAGE,   /* no translation catalogue for the report language asked for */
  VG_EXPORT_ERROR_MALFORMED,  /* a bundle whose manifest is missing or unreadable */
  VG_EXPORT_ERROR_TAMPERED,   /* a bundle file that is missing, unlisted or not what its manifest says */
} VgExportError;

#define VG_PROPOSAL_ERROR (vg_proposal_error_quark ())
typedef enum {
  VG_PROPOSAL_ERROR_PLAYBOOK,        /* a playbook that does not load: the message names file, line and key */
  VG_PROPOSAL_ERROR_FACTS,           /* trigger facts that do not validate: names the file and JSON path */
  VG_PROPOSAL_ERROR_ROSTER,          /* a roster file that does not load: names file, line and key */
  VG_PROPOSAL_ERROR_FORBIDDEN,       /* the signed-in person or role may not do this (observer, not a validator...) */
  VG_PROPOSAL_ERROR_REASON_REQUIRED, /* a rejection or amendment without a reason */
  VG_PROPOSAL_ERROR_STALE_VERSION,   /* the decision is on a version that is no longer current: look again */
  VG_PROPOSAL_ERROR_ALREADY_DECIDED, /* someone decided this version first: the message says who */
  VG_PROPOSAL_ERROR_NOT_APPROVED,    /* an output or "done" without a signed approval of the current version */
  VG_PROPOSAL_ERROR_CLOSED,          /* the proposal expired or was superseded: nothing to decide */
  VG_PROPOSAL_ERROR_UNKNOWN,         /* no proposal with that id in this journal */
  VG_PROPOSAL_ERROR_INVALID,         /* a request that makes no sense (amendment target not in the proposal...) */
  VG_PROPOSAL_ERROR_BUSY,            /* the journal kept changing under an evaluation: try again */
} VgProposalError;

/* Quark of the VG_GEO_ERROR domain. */
GQuark vg_geo_error_quark   (void);
/* Quark of the VG_STORE_ERROR domain. */
GQuark vg_store_error_quark (void);
/* Quark of the VG_JOURNAL_ERROR domain. */
GQuark vg_journal_error_quark (void);
/* Quark of the VG_DATA_ERROR domain. */
GQuark vg_data_error_quark  (void);
/* Quark of the VG_FEED_ERROR domain. */
GQuark vg_feed_error_quark  (void);
/* Quark of the VG_RISK_ERROR domain. */
GQuark vg_risk_error_quark  (void);
/* Quark of the VG_SCENARIO_ERROR domain. */
GQuark vg_scenario_error_quark (void);
/* Quark of the VG_EXPORT_ERROR domain. */
GQuark vg_export_error_quark (void);
/* Quark of the VG_PROPOSAL_ERROR domain. */
GQuark vg_proposal_error_quark (void);

G_END_DECLS
