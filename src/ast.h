/*
 * ast.h — the syntax tree of a plan file.
 *
 * The parser builds a generic, position-exact tree: declarations whose
 * bodies are lists of properties (`name value, value, ...`).  The schema
 * pass (schema.c) then checks each property against the declaration kind's
 * table and fills the typed model (model.h).  Keeping the grammar generic
 * lets one table, not the grammar, say which properties exist, so a misspelt
 * property gets "did you mean" instead of a bare syntax error.
 *
 * A region plan has millions of nodes, so they are small and live in the
 * tree arena (mem.h): lists are linked through `next`, and what only a few
 * items have (a key, a range, literals, a block) is kept out of line.
 */
#ifndef CARENET_AST_H
#define CARENET_AST_H

#include <stdbool.h>

#include "buf.h"
#include "date.h"
#include "decl.h"
#include "source.h"

/* Deeper expressions are refused (E108) so evaluation cannot overflow the stack. */
#define AST_MAX_EXPR_DEPTH 200

typedef struct {
	const char *text;
	SrcLoc loc;
} Name;

/* A name or a dotted path: meer, meer.population, hoogstraten_2025.loneliness */
typedef struct {
	Name *parts;
	int count;
	SrcLoc loc;
} Ref;

typedef enum {
	EXPR_NUMBER,
	EXPR_DATE,
	EXPR_STRING,
	EXPR_REF,
	EXPR_UNARY,
	EXPR_BINARY,
	EXPR_CALL,
	EXPR_ERROR,      /* stands in for something already reported */
} ExprKind;

typedef enum {
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_NEG,
	OP_LT, OP_LE, OP_GT, OP_GE, OP_EQ, OP_NE,
} Op;

typedef struct Expr Expr;

typedef struct Call {
	Name name;
	Vec args;        /* of Expr */
} Call;

/* Kept small: a region-wide plan has millions of these (40 bytes). */
struct Expr {
	SrcLoc loc;
	unsigned char kind;    /* ExprKind */
	unsigned char op;      /* Op, for EXPR_UNARY and EXPR_BINARY */
	bool percent;          /* EXPR_NUMBER written with '%' */
	int depth;             /* 1 for a leaf; checked against AST_MAX_EXPR_DEPTH */
	union {
		double number;
		Date date;
		const char *string;
		Ref *ref;
		struct { Expr *a, *b; } operands;              /* b NULL for unary */
		struct Call *call;                             /* rare: kept out of line */
	} u;
};

typedef struct Block Block;

typedef enum { RANGE_NONE, RANGE_DOTS, RANGE_TO } RangeKind;

/* What an item has beyond a plain value; most items have none of it. */
typedef struct {
	SrcLoc loc;      /* the whole item */
	Expr *key;       /* for key: value; the item's `value` holds the value */
	Expr *upper;
	RangeKind range;
	Expr **extras;   /* literals after the value */
	int extra_count;
	Block *block;
} ItemShape;

/*
 * One comma-separated value of a property:
 *   value                       kind local_service_centre
 *   value literal... [block]    group living_alone_75plus 160 / indicator r "R" { }
 *   key: value                  measure 2025-06: 40
 *   value .. upper / to upper   period 2025-01 .. 2027-12 / from 2025-03 to 2026-12
 * A property's items are a list in source order.
 */
typedef struct Item {
	Expr *value;
	const ItemShape *shape;  /* NULL for a plain value */
	const struct Item *next;
} Item;

/* The source range of an item: its value's, or the whole shape's. */
SrcLoc ast_item_loc(const Item *it);

typedef struct Property {
	Name name;
	const Item *items;       /* in source order */
	int count;
	const struct Property *next;
} Property;

/* The source range of a property, from its name to its last item. */
SrcLoc ast_property_loc(const Property *p);

struct Block {
	const Property *props;   /* in source order */
	SrcLoc loc;
};

/* A list under construction in the grammar: head, tail and length. */
typedef struct {
	void *head, *tail;
	int count;
} AstList;


typedef struct Module Module;

/* A name a declaration's block uses, kept to be resolved once every file is
   read (schema.c); a group size keeps its size too.  A region plan keeps
   half a million of these: a name of one part, nearly every one, is kept as
   its text and byte range in the declaration's source, without a copied Ref
   (32 bytes instead of 80). */
typedef struct {
	const char *text;    /* a name of one part; NULL when `dotted` */
	uint32_t start;      /* its bytes in the declaration's source */
	unsigned len : 24;
	unsigned slot : 8;   /* the property, by its slot in the kind's table (schema.h) */
	const Ref *dotted;   /* a name of more parts, or of 16 MB or more, copied whole */
	const Expr *size;
} NameUse;

/* The clauses of an acceptance, as the parser collects them (syntax.c). */
typedef struct {
	bool has_areas;
	Vec areas;           /* of Ref */
	Ref *on;
	int on_kind;
	bool has_until;
	Date until;
	SrcLoc until_loc;
	bool malformed;      /* a clause was reported (E509): no second error for what it lacks */
} AcceptClauses;

/* What the statements with a grammar of their own say (import, let, signal,
   answer, accept): out of line, so that the many generic declarations of a
   large plan do not each carry it. */
typedef struct {
	/* let */
	Expr *value;
	/* import */
	const char *import_path;
	SrcLoc import_path_loc;
	/* signal NEED [in REF, ...] to TARGET ["message"] */
	Ref *need;
	Vec areas;           /* of Ref */
	Ref *target;
	const char *message;
	/* answer SIGNAL with ACTION */
	Ref *answered;
	Ref *action;
	/* accept NEED [in REF, ...] until DATE "reason" (need, areas, message) or
	   accept CODE on [KIND] DECL until DATE "reason" (need holds the code) */
	Ref *on;
	int on_kind;         /* the DeclKind written before the name, or -1 */
	bool has_until;
	Date until;
	SrcLoc until_loc;
	bool malformed;      /* reported by the parser (E509): it accepts nothing */
} DeclStatement;

/* A region plan keeps a hundred thousand of these: the counts sit next to
   the kind, so that no field is padded (120 bytes). */
typedef struct Decl {
	DeclKind kind;
	int use_count;
	int alias_count;
	SrcLoc loc;          /* the whole declaration */
	Name id;             /* empty text for import, signal, answer, accept */
	const char *title;   /* NULL when not given */
	Ref *parent;         /* area ... in REF */
	Block *body;         /* NULL once the schema has recorded it */
	const NameUse *uses; /* recorded from the body (use_count) */
	const Name *aliases; /* `alias x, y`: the other names it is known by (alias_count) */
	Module *module;
	DeclStatement *stmt; /* import, let, signal, answer, accept; NULL for the generic kinds */
	void *entity;        /* the model object built by the schema pass */
} Decl;

/* Where a use of the declaration d is, and the reference it records; `one`
   holds the name of a reference of one part. */
SrcLoc ast_use_loc(const Decl *d, const NameUse *use);
Ref ast_use_ref(const Decl *d, const NameUse *use, Name *one);

/* Constructors used by the parser. */
Expr *ast_number(SrcLoc loc, double value, bool percent);
Expr *ast_date(SrcLoc loc, Date date);
Expr *ast_string(SrcLoc loc, const char *s);
Expr *ast_ref_expr(Ref *ref);
Expr *ast_unary(SrcLoc loc, Op op, Expr *a);
Expr *ast_binary(Op op, Expr *a, Expr *b);
Expr *ast_call(Name name, Vec args, SrcLoc loc);
Ref *ast_ref(Name first);
/* Add a part to the reference being built (in place). */
Ref *ast_ref_append(Ref *ref, Name next);
const char *ast_ref_text(const Ref *ref);

/* Deep copies, into the tree arena as it is in use. */
Ref *ast_ref_copy(const Ref *ref);
Expr *ast_expr_copy(const Expr *e);

/* A reference that is one plain name, or NULL. */
const Name *ast_expr_as_name(const Expr *e);
const char *ast_op_text(Op op);

#endif
