#!/usr/bin/env node
import { createRequire as __sshlintCreateRequire } from 'node:module';
const require = __sshlintCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod2) => function __require2() {
  try {
    return mod2 || (0, cb[__getOwnPropNames(cb)[0]])((mod2 = { exports: {} }).exports, mod2), mod2.exports;
  } catch (e) {
    throw mod2 = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod2, isNodeMode, target) => (target = mod2 != null ? __create(__getProtoOf(mod2)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod2 || !mod2.__esModule ? __defProp(target, "default", { value: mod2, enumerable: true }) : target,
  mod2
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path9) {
      const ctrl = callVisitor(key, node, visitor, path9);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path9, ctrl);
        return visit_(key, ctrl, visitor, path9);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path9 = Object.freeze(path9.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path9);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node)) {
          path9 = Object.freeze(path9.concat(node));
          const ck = visit_("key", node.key, visitor, path9);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path9);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity2.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path9) {
      const ctrl = await callVisitor(key, node, visitor, path9);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path9, ctrl);
        return visitAsync_(key, ctrl, visitor, path9);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path9 = Object.freeze(path9.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path9);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity2.isPair(node)) {
          path9 = Object.freeze(path9.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path9);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path9);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path9) {
      if (typeof visitor === "function")
        return visitor(key, node, path9);
      if (identity2.isMap(node))
        return visitor.Map?.(key, node, path9);
      if (identity2.isSeq(node))
        return visitor.Seq?.(key, node, path9);
      if (identity2.isPair(node))
        return visitor.Pair?.(key, node, path9);
      if (identity2.isScalar(node))
        return visitor.Scalar?.(key, node, path9);
      if (identity2.isAlias(node))
        return visitor.Alias?.(key, node, path9);
      return void 0;
    }
    function replaceNode(key, path9, node) {
      const parent = path9[path9.length - 1];
      if (identity2.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity2.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity2.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity2.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle2, prefix] = parts;
            this.tags[handle2] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle2, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle2];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle2 === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle2, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle2 + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity2.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity2.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle2, prefix] of tagEntries) {
          if (handle2 === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle2} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity2.isScalar(ref.node) || identity2.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity2.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity2 = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity2.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity2.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity2.isAlias(node) || identity2.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity2.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity2.isCollection(node)) {
        let count2 = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count2)
            count2 = c;
        }
        return count2;
      } else if (identity2.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity2.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match2 = tags.filter((t) => t.tag === tagName);
        const tagObj = match2.find((t) => !t.format) ?? match2[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity2.isDocument(value))
        value = value.contents;
      if (identity2.isNode(value))
        return value;
      if (identity2.isPair(value)) {
        const map = ctx.schema[identity2.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity2.MAP] : Symbol.iterator in Object(value) ? schema[identity2.SEQ] : schema[identity2.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity2 = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path9, value) {
      let v = value;
      for (let i = path9.length - 1; i >= 0; --i) {
        const k = path9[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path9) => path9 == null || typeof path9 === "object" && !!path9[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity2.isNode(it) || identity2.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path9, value) {
        if (isEmptyPath(path9))
          this.add(value);
        else {
          const [key, ...rest] = path9;
          const node = this.get(key, true);
          if (identity2.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path9) {
        const [key, ...rest] = path9;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity2.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path9, keepScalar) {
        const [key, ...rest] = path9;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity2.isScalar(node) ? node.value : node;
        else
          return identity2.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity2.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity2.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path9) {
        const [key, ...rest] = path9;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity2.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path9, value) {
        const [key, ...rest] = path9;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity2.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code3 = json.substr(i + 2, 4);
                switch (code3) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code3.substr(0, 2) === "00")
                      str += "\\x" + code3.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity2 = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match2 = tags.filter((t) => t.tag === item.tag);
        if (match2.length > 0)
          return match2.find((t) => t.format === item.format) ?? match2[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity2.isScalar(item)) {
        obj = item.value;
        let match2 = tags.filter((t) => t.identify?.(obj));
        if (match2.length > 1) {
          const testMatch = match2.filter((t) => t.test);
          if (testMatch.length > 0)
            match2 = testMatch;
        }
        tagObj = match2.find((t) => t.format === item.format) ?? match2.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity2.isScalar(node) || identity2.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity2.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity2.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity2.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity2.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity2.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity2.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity2.isCollection(key) || !identity2.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity2.isCollection(key) || (identity2.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity2.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity2.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity2.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity2.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity2.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity2.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity2.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity2.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity2 = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity2.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity2.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity2 = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity2.isNode(key))
          key = key.clone(schema);
        if (identity2.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity2.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity2.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity2.isPair(item)) {
          const ik = identity2.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity2.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity2.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity2.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity2.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity2.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity2.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity2.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity2.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity2.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity2.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity2.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity2.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity2.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity2.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity2.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string2 = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string2;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity2.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity2.isPair(item))
            continue;
          else if (identity2.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity2.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity2.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity2.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity2.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity2.isPair(pair) ? identity2.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity2.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match2 = str.match(timestamp.test);
        if (!match2)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match2.map(Number);
        const millisec = match2[7] ? Number((match2[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match2[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string2.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string2 = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string2.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string2 = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity2.MAP, { value: map.map });
        Object.defineProperty(this, identity2.SCALAR, { value: string2.string });
        Object.defineProperty(this, identity2.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity2.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity2.NODE_TYPE, { value: identity2.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity2.NODE_TYPE]: { value: identity2.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity2.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path9, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path9, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity2.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path9) {
        if (Collection.isEmptyPath(path9)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path9) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity2.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path9, keepScalar) {
        if (Collection.isEmptyPath(path9))
          return !keepScalar && identity2.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity2.isCollection(this.contents) ? this.contents.getIn(path9, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity2.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path9) {
        if (Collection.isEmptyPath(path9))
          return this.contents !== void 0;
        return identity2.isCollection(this.contents) ? this.contents.hasIn(path9) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path9, value) {
        if (Collection.isEmptyPath(path9)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path9), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path9, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count: count2, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count2);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity2.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code3, message) {
        super();
        this.name = name;
        this.code = code3;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code3, message) {
        super("YAMLParseError", pos, code3, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code3, message) {
        super("YAMLWarning", pos, code3, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "…" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "…";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "…\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count2 = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count2 = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count2);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity2.isScalar(a) && identity2.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity2.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity2.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code3, msg) => onError(offset + rel, code3, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match2 = line.exec(source);
      if (!match2)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match2[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match2 = line.exec(source)) {
        const lm = match2[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match2 = last.exec(source);
      return res + sep + (match2?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "",
      // Unicode next line
      _: " ",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code3 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code3);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity2 = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity2.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity2.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity2.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity2.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity2.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity2.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity2.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity2 = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity2.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity2 = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code3, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code3, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code3, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity2.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity2.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code3, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code3, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code3, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path9) => {
      let item = cst;
      for (const [field, index] of path9) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path9) => {
      const parent = visit.itemAtPath(cst, path9.slice(0, -1));
      const field = path9[path9.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path9, item, visitor) {
      let ctrl = visitor(item, path9);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path9.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path9);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path9) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote2 = this.charAt(0);
        let end = this.buffer.indexOf(quote2, this.pos + 1);
        if (quote2 === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity2 = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity2.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity2 = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity2.isAlias;
    exports.isCollection = identity2.isCollection;
    exports.isDocument = identity2.isDocument;
    exports.isMap = identity2.isMap;
    exports.isNode = identity2.isNode;
    exports.isPair = identity2.isPair;
    exports.isScalar = identity2.isScalar;
    exports.isSeq = identity2.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// node_modules/fast-glob/out/utils/array.js
var require_array = __commonJS({
  "node_modules/fast-glob/out/utils/array.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.splitWhen = exports.flatten = void 0;
    function flatten(items) {
      return items.reduce((collection, item) => [].concat(collection, item), []);
    }
    exports.flatten = flatten;
    function splitWhen(items, predicate) {
      const result = [[]];
      let groupIndex = 0;
      for (const item of items) {
        if (predicate(item)) {
          groupIndex++;
          result[groupIndex] = [];
        } else {
          result[groupIndex].push(item);
        }
      }
      return result;
    }
    exports.splitWhen = splitWhen;
  }
});

// node_modules/fast-glob/out/utils/errno.js
var require_errno = __commonJS({
  "node_modules/fast-glob/out/utils/errno.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEnoentCodeError = void 0;
    function isEnoentCodeError(error) {
      return error.code === "ENOENT";
    }
    exports.isEnoentCodeError = isEnoentCodeError;
  }
});

// node_modules/fast-glob/out/utils/fs.js
var require_fs = __commonJS({
  "node_modules/fast-glob/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/fast-glob/out/utils/path.js
var require_path = __commonJS({
  "node_modules/fast-glob/out/utils/path.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPosixPathToPattern = exports.convertWindowsPathToPattern = exports.convertPathToPattern = exports.escapePosixPath = exports.escapeWindowsPath = exports.escape = exports.removeLeadingDotSegment = exports.makeAbsolute = exports.unixify = void 0;
    var os = __require("os");
    var path9 = __require("path");
    var IS_WINDOWS_PLATFORM = os.platform() === "win32";
    var LEADING_DOT_SEGMENT_CHARACTERS_COUNT = 2;
    var POSIX_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()*?[\]{|}]|^!|[!+@](?=\()|\\(?![!()*+?@[\]{|}]))/g;
    var WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE = /(\\?)([()[\]{}]|^!|[!+@](?=\())/g;
    var DOS_DEVICE_PATH_RE = /^\\\\([.?])/;
    var WINDOWS_BACKSLASHES_RE = /\\(?![!()+@[\]{}])/g;
    function unixify(filepath) {
      return filepath.replace(/\\/g, "/");
    }
    exports.unixify = unixify;
    function makeAbsolute(cwd, filepath) {
      return path9.resolve(cwd, filepath);
    }
    exports.makeAbsolute = makeAbsolute;
    function removeLeadingDotSegment(entry2) {
      if (entry2.charAt(0) === ".") {
        const secondCharactery = entry2.charAt(1);
        if (secondCharactery === "/" || secondCharactery === "\\") {
          return entry2.slice(LEADING_DOT_SEGMENT_CHARACTERS_COUNT);
        }
      }
      return entry2;
    }
    exports.removeLeadingDotSegment = removeLeadingDotSegment;
    exports.escape = IS_WINDOWS_PLATFORM ? escapeWindowsPath : escapePosixPath;
    function escapeWindowsPath(pattern) {
      return pattern.replace(WINDOWS_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapeWindowsPath = escapeWindowsPath;
    function escapePosixPath(pattern) {
      return pattern.replace(POSIX_UNESCAPED_GLOB_SYMBOLS_RE, "\\$2");
    }
    exports.escapePosixPath = escapePosixPath;
    exports.convertPathToPattern = IS_WINDOWS_PLATFORM ? convertWindowsPathToPattern : convertPosixPathToPattern;
    function convertWindowsPathToPattern(filepath) {
      return escapeWindowsPath(filepath).replace(DOS_DEVICE_PATH_RE, "//$1").replace(WINDOWS_BACKSLASHES_RE, "/");
    }
    exports.convertWindowsPathToPattern = convertWindowsPathToPattern;
    function convertPosixPathToPattern(filepath) {
      return escapePosixPath(filepath);
    }
    exports.convertPosixPathToPattern = convertPosixPathToPattern;
  }
});

// node_modules/is-extglob/index.js
var require_is_extglob = __commonJS({
  "node_modules/is-extglob/index.js"(exports, module) {
    module.exports = function isExtglob(str) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      var match2;
      while (match2 = /(\\).|([@?!+*]\(.*\))/g.exec(str)) {
        if (match2[2]) return true;
        str = str.slice(match2.index + match2[0].length);
      }
      return false;
    };
  }
});

// node_modules/is-glob/index.js
var require_is_glob = __commonJS({
  "node_modules/is-glob/index.js"(exports, module) {
    var isExtglob = require_is_extglob();
    var chars = { "{": "}", "(": ")", "[": "]" };
    var strictCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      var pipeIndex = -2;
      var closeSquareIndex = -2;
      var closeCurlyIndex = -2;
      var closeParenIndex = -2;
      var backSlashIndex = -2;
      while (index < str.length) {
        if (str[index] === "*") {
          return true;
        }
        if (str[index + 1] === "?" && /[\].+)]/.test(str[index])) {
          return true;
        }
        if (closeSquareIndex !== -1 && str[index] === "[" && str[index + 1] !== "]") {
          if (closeSquareIndex < index) {
            closeSquareIndex = str.indexOf("]", index);
          }
          if (closeSquareIndex > index) {
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeSquareIndex) {
              return true;
            }
          }
        }
        if (closeCurlyIndex !== -1 && str[index] === "{" && str[index + 1] !== "}") {
          closeCurlyIndex = str.indexOf("}", index);
          if (closeCurlyIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeCurlyIndex) {
              return true;
            }
          }
        }
        if (closeParenIndex !== -1 && str[index] === "(" && str[index + 1] === "?" && /[:!=]/.test(str[index + 2]) && str[index + 3] !== ")") {
          closeParenIndex = str.indexOf(")", index);
          if (closeParenIndex > index) {
            backSlashIndex = str.indexOf("\\", index);
            if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
              return true;
            }
          }
        }
        if (pipeIndex !== -1 && str[index] === "(" && str[index + 1] !== "|") {
          if (pipeIndex < index) {
            pipeIndex = str.indexOf("|", index);
          }
          if (pipeIndex !== -1 && str[pipeIndex + 1] !== ")") {
            closeParenIndex = str.indexOf(")", pipeIndex);
            if (closeParenIndex > pipeIndex) {
              backSlashIndex = str.indexOf("\\", pipeIndex);
              if (backSlashIndex === -1 || backSlashIndex > closeParenIndex) {
                return true;
              }
            }
          }
        }
        if (str[index] === "\\") {
          var open2 = str[index + 1];
          index += 2;
          var close = chars[open2];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    var relaxedCheck = function(str) {
      if (str[0] === "!") {
        return true;
      }
      var index = 0;
      while (index < str.length) {
        if (/[*?{}()[\]]/.test(str[index])) {
          return true;
        }
        if (str[index] === "\\") {
          var open2 = str[index + 1];
          index += 2;
          var close = chars[open2];
          if (close) {
            var n = str.indexOf(close, index);
            if (n !== -1) {
              index = n + 1;
            }
          }
          if (str[index] === "!") {
            return true;
          }
        } else {
          index++;
        }
      }
      return false;
    };
    module.exports = function isGlob(str, options) {
      if (typeof str !== "string" || str === "") {
        return false;
      }
      if (isExtglob(str)) {
        return true;
      }
      var check = strictCheck;
      if (options && options.strict === false) {
        check = relaxedCheck;
      }
      return check(str);
    };
  }
});

// node_modules/glob-parent/index.js
var require_glob_parent = __commonJS({
  "node_modules/glob-parent/index.js"(exports, module) {
    "use strict";
    var isGlob = require_is_glob();
    var pathPosixDirname = __require("path").posix.dirname;
    var isWin32 = __require("os").platform() === "win32";
    var slash = "/";
    var backslash = /\\/g;
    var enclosure = /[\{\[].*[\}\]]$/;
    var globby = /(^|[^\\])([\{\[]|\([^\)]+$)/;
    var escaped = /\\([\!\*\?\|\[\]\(\)\{\}])/g;
    module.exports = function globParent(str, opts) {
      var options = Object.assign({ flipBackslashes: true }, opts);
      if (options.flipBackslashes && isWin32 && str.indexOf(slash) < 0) {
        str = str.replace(backslash, slash);
      }
      if (enclosure.test(str)) {
        str += slash;
      }
      str += "a";
      do {
        str = pathPosixDirname(str);
      } while (isGlob(str) || globby.test(str));
      return str.replace(escaped, "$1");
    };
  }
});

// node_modules/braces/lib/utils.js
var require_utils = __commonJS({
  "node_modules/braces/lib/utils.js"(exports) {
    "use strict";
    exports.isInteger = (num) => {
      if (typeof num === "number") {
        return Number.isInteger(num);
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isInteger(Number(num));
      }
      return false;
    };
    exports.find = (node, type) => node.nodes.find((node2) => node2.type === type);
    exports.exceedsLimit = (min, max, step = 1, limit) => {
      if (limit === false) return false;
      if (!exports.isInteger(min) || !exports.isInteger(max)) return false;
      return (Number(max) - Number(min)) / Number(step) >= limit;
    };
    exports.escapeNode = (block, n = 0, type) => {
      const node = block.nodes[n];
      if (!node) return;
      if (type && node.type === type || node.type === "open" || node.type === "close") {
        if (node.escaped !== true) {
          node.value = "\\" + node.value;
          node.escaped = true;
        }
      }
    };
    exports.encloseBrace = (node) => {
      if (node.type !== "brace") return false;
      if (node.commas >> 0 + node.ranges >> 0 === 0) {
        node.invalid = true;
        return true;
      }
      return false;
    };
    exports.isInvalidBrace = (block) => {
      if (block.type !== "brace") return false;
      if (block.invalid === true || block.dollar) return true;
      if (block.commas >> 0 + block.ranges >> 0 === 0) {
        block.invalid = true;
        return true;
      }
      if (block.open !== true || block.close !== true) {
        block.invalid = true;
        return true;
      }
      return false;
    };
    exports.isOpenOrClose = (node) => {
      if (node.type === "open" || node.type === "close") {
        return true;
      }
      return node.open === true || node.close === true;
    };
    exports.reduce = (nodes) => nodes.reduce((acc, node) => {
      if (node.type === "text") acc.push(node.value);
      if (node.type === "range") node.type = "text";
      return acc;
    }, []);
    exports.flatten = (...args) => {
      const result = [];
      const flat = (arr) => {
        for (let i = 0; i < arr.length; i++) {
          const ele = arr[i];
          if (Array.isArray(ele)) {
            flat(ele);
            continue;
          }
          if (ele !== void 0) {
            result.push(ele);
          }
        }
        return result;
      };
      flat(args);
      return result;
    };
  }
});

// node_modules/braces/lib/stringify.js
var require_stringify2 = __commonJS({
  "node_modules/braces/lib/stringify.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    module.exports = (ast, options = {}) => {
      const stringify = (node, parent = {}) => {
        const invalidBlock = options.escapeInvalid && utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        let output = "";
        if (node.value) {
          if ((invalidBlock || invalidNode) && utils.isOpenOrClose(node)) {
            return "\\" + node.value;
          }
          return node.value;
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += stringify(child);
          }
        }
        return output;
      };
      return stringify(ast);
    };
  }
});

// node_modules/is-number/index.js
var require_is_number = __commonJS({
  "node_modules/is-number/index.js"(exports, module) {
    "use strict";
    module.exports = function(num) {
      if (typeof num === "number") {
        return num - num === 0;
      }
      if (typeof num === "string" && num.trim() !== "") {
        return Number.isFinite ? Number.isFinite(+num) : isFinite(+num);
      }
      return false;
    };
  }
});

// node_modules/to-regex-range/index.js
var require_to_regex_range = __commonJS({
  "node_modules/to-regex-range/index.js"(exports, module) {
    "use strict";
    var isNumber = require_is_number();
    var toRegexRange = (min, max, options) => {
      if (isNumber(min) === false) {
        throw new TypeError("toRegexRange: expected the first argument to be a number");
      }
      if (max === void 0 || min === max) {
        return String(min);
      }
      if (isNumber(max) === false) {
        throw new TypeError("toRegexRange: expected the second argument to be a number.");
      }
      let opts = { relaxZeros: true, ...options };
      if (typeof opts.strictZeros === "boolean") {
        opts.relaxZeros = opts.strictZeros === false;
      }
      let relax = String(opts.relaxZeros);
      let shorthand = String(opts.shorthand);
      let capture = String(opts.capture);
      let wrap = String(opts.wrap);
      let cacheKey = min + ":" + max + "=" + relax + shorthand + capture + wrap;
      if (toRegexRange.cache.hasOwnProperty(cacheKey)) {
        return toRegexRange.cache[cacheKey].result;
      }
      let a = Math.min(min, max);
      let b = Math.max(min, max);
      if (Math.abs(a - b) === 1) {
        let result = min + "|" + max;
        if (opts.capture) {
          return `(${result})`;
        }
        if (opts.wrap === false) {
          return result;
        }
        return `(?:${result})`;
      }
      let isPadded = hasPadding(min) || hasPadding(max);
      let state = { min, max, a, b };
      let positives = [];
      let negatives = [];
      if (isPadded) {
        state.isPadded = isPadded;
        state.maxLen = String(state.max).length;
      }
      if (a < 0) {
        let newMin = b < 0 ? Math.abs(b) : 1;
        negatives = splitToPatterns(newMin, Math.abs(a), state, opts);
        a = state.a = 0;
      }
      if (b >= 0) {
        positives = splitToPatterns(a, b, state, opts);
      }
      state.negatives = negatives;
      state.positives = positives;
      state.result = collatePatterns(negatives, positives, opts);
      if (opts.capture === true) {
        state.result = `(${state.result})`;
      } else if (opts.wrap !== false && positives.length + negatives.length > 1) {
        state.result = `(?:${state.result})`;
      }
      toRegexRange.cache[cacheKey] = state;
      return state.result;
    };
    function collatePatterns(neg, pos, options) {
      let onlyNegative = filterPatterns(neg, pos, "-", false, options) || [];
      let onlyPositive = filterPatterns(pos, neg, "", false, options) || [];
      let intersected = filterPatterns(neg, pos, "-?", true, options) || [];
      let subpatterns = onlyNegative.concat(intersected).concat(onlyPositive);
      return subpatterns.join("|");
    }
    function splitToRanges(min, max) {
      let nines = 1;
      let zeros = 1;
      let stop = countNines(min, nines);
      let stops = /* @__PURE__ */ new Set([max]);
      while (min <= stop && stop <= max) {
        stops.add(stop);
        nines += 1;
        stop = countNines(min, nines);
      }
      stop = countZeros(max + 1, zeros) - 1;
      while (min < stop && stop <= max) {
        stops.add(stop);
        zeros += 1;
        stop = countZeros(max + 1, zeros) - 1;
      }
      stops = [...stops];
      stops.sort(compare);
      return stops;
    }
    function rangeToPattern(start, stop, options) {
      if (start === stop) {
        return { pattern: start, count: [], digits: 0 };
      }
      let zipped = zip(start, stop);
      let digits = zipped.length;
      let pattern = "";
      let count2 = 0;
      for (let i = 0; i < digits; i++) {
        let [startDigit, stopDigit] = zipped[i];
        if (startDigit === stopDigit) {
          pattern += startDigit;
        } else if (startDigit !== "0" || stopDigit !== "9") {
          pattern += toCharacterClass(startDigit, stopDigit, options);
        } else {
          count2++;
        }
      }
      if (count2) {
        pattern += options.shorthand === true ? "\\d" : "[0-9]";
      }
      return { pattern, count: [count2], digits };
    }
    function splitToPatterns(min, max, tok, options) {
      let ranges = splitToRanges(min, max);
      let tokens = [];
      let start = min;
      let prev;
      for (let i = 0; i < ranges.length; i++) {
        let max2 = ranges[i];
        let obj = rangeToPattern(String(start), String(max2), options);
        let zeros = "";
        if (!tok.isPadded && prev && prev.pattern === obj.pattern) {
          if (prev.count.length > 1) {
            prev.count.pop();
          }
          prev.count.push(obj.count[0]);
          prev.string = prev.pattern + toQuantifier(prev.count);
          start = max2 + 1;
          continue;
        }
        if (tok.isPadded) {
          zeros = padZeros(max2, tok, options);
        }
        obj.string = zeros + obj.pattern + toQuantifier(obj.count);
        tokens.push(obj);
        start = max2 + 1;
        prev = obj;
      }
      return tokens;
    }
    function filterPatterns(arr, comparison, prefix, intersection, options) {
      let result = [];
      for (let ele of arr) {
        let { string: string2 } = ele;
        if (!intersection && !contains(comparison, "string", string2)) {
          result.push(prefix + string2);
        }
        if (intersection && contains(comparison, "string", string2)) {
          result.push(prefix + string2);
        }
      }
      return result;
    }
    function zip(a, b) {
      let arr = [];
      for (let i = 0; i < a.length; i++) arr.push([a[i], b[i]]);
      return arr;
    }
    function compare(a, b) {
      return a > b ? 1 : b > a ? -1 : 0;
    }
    function contains(arr, key, val) {
      return arr.some((ele) => ele[key] === val);
    }
    function countNines(min, len) {
      return Number(String(min).slice(0, -len) + "9".repeat(len));
    }
    function countZeros(integer3, zeros) {
      return integer3 - integer3 % Math.pow(10, zeros);
    }
    function toQuantifier(digits) {
      let [start = 0, stop = ""] = digits;
      if (stop || start > 1) {
        return `{${start + (stop ? "," + stop : "")}}`;
      }
      return "";
    }
    function toCharacterClass(a, b, options) {
      return `[${a}${b - a === 1 ? "" : "-"}${b}]`;
    }
    function hasPadding(str) {
      return /^-?(0+)\d/.test(str);
    }
    function padZeros(value, tok, options) {
      if (!tok.isPadded) {
        return value;
      }
      let diff = Math.abs(tok.maxLen - String(value).length);
      let relax = options.relaxZeros !== false;
      switch (diff) {
        case 0:
          return "";
        case 1:
          return relax ? "0?" : "0";
        case 2:
          return relax ? "0{0,2}" : "00";
        default: {
          return relax ? `0{0,${diff}}` : `0{${diff}}`;
        }
      }
    }
    toRegexRange.cache = {};
    toRegexRange.clearCache = () => toRegexRange.cache = {};
    module.exports = toRegexRange;
  }
});

// node_modules/fill-range/index.js
var require_fill_range = __commonJS({
  "node_modules/fill-range/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var toRegexRange = require_to_regex_range();
    var isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    var transform = (toNumber) => {
      return (value) => toNumber === true ? Number(value) : String(value);
    };
    var isValidValue = (value) => {
      return typeof value === "number" || typeof value === "string" && value !== "";
    };
    var isNumber = (num) => Number.isInteger(+num);
    var zeros = (input) => {
      let value = `${input}`;
      let index = -1;
      if (value[0] === "-") value = value.slice(1);
      if (value === "0") return false;
      while (value[++index] === "0") ;
      return index > 0;
    };
    var stringify = (start, end, options) => {
      if (typeof start === "string" || typeof end === "string") {
        return true;
      }
      return options.stringify === true;
    };
    var pad = (input, maxLength, toNumber) => {
      if (maxLength > 0) {
        let dash = input[0] === "-" ? "-" : "";
        if (dash) input = input.slice(1);
        input = dash + input.padStart(dash ? maxLength - 1 : maxLength, "0");
      }
      if (toNumber === false) {
        return String(input);
      }
      return input;
    };
    var toMaxLen = (input, maxLength) => {
      let negative = input[0] === "-" ? "-" : "";
      if (negative) {
        input = input.slice(1);
        maxLength--;
      }
      while (input.length < maxLength) input = "0" + input;
      return negative ? "-" + input : input;
    };
    var toSequence = (parts, options, maxLen) => {
      parts.negatives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      parts.positives.sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
      let prefix = options.capture ? "" : "?:";
      let positives = "";
      let negatives = "";
      let result;
      if (parts.positives.length) {
        positives = parts.positives.map((v) => toMaxLen(String(v), maxLen)).join("|");
      }
      if (parts.negatives.length) {
        negatives = `-(${prefix}${parts.negatives.map((v) => toMaxLen(String(v), maxLen)).join("|")})`;
      }
      if (positives && negatives) {
        result = `${positives}|${negatives}`;
      } else {
        result = positives || negatives;
      }
      if (options.wrap) {
        return `(${prefix}${result})`;
      }
      return result;
    };
    var toRange = (a, b, isNumbers, options) => {
      if (isNumbers) {
        return toRegexRange(a, b, { wrap: false, ...options });
      }
      let start = String.fromCharCode(a);
      if (a === b) return start;
      let stop = String.fromCharCode(b);
      return `[${start}-${stop}]`;
    };
    var toRegex = (start, end, options) => {
      if (Array.isArray(start)) {
        let wrap = options.wrap === true;
        let prefix = options.capture ? "" : "?:";
        return wrap ? `(${prefix}${start.join("|")})` : start.join("|");
      }
      return toRegexRange(start, end, options);
    };
    var rangeError = (...args) => {
      return new RangeError("Invalid range arguments: " + util.inspect(...args));
    };
    var invalidRange = (start, end, options) => {
      if (options.strictRanges === true) throw rangeError([start, end]);
      return [];
    };
    var invalidStep = (step, options) => {
      if (options.strictRanges === true) {
        throw new TypeError(`Expected step "${step}" to be a number`);
      }
      return [];
    };
    var fillNumbers = (start, end, step = 1, options = {}) => {
      let a = Number(start);
      let b = Number(end);
      if (!Number.isInteger(a) || !Number.isInteger(b)) {
        if (options.strictRanges === true) throw rangeError([start, end]);
        return [];
      }
      if (a === 0) a = 0;
      if (b === 0) b = 0;
      let descending = a > b;
      let startString = String(start);
      let endString = String(end);
      let stepString = String(step);
      step = Math.max(Math.abs(step), 1);
      let padded = zeros(startString) || zeros(endString) || zeros(stepString);
      let maxLen = padded ? Math.max(startString.length, endString.length, stepString.length) : 0;
      let toNumber = padded === false && stringify(start, end, options) === false;
      let format = options.transform || transform(toNumber);
      if (options.toRegex && step === 1) {
        return toRange(toMaxLen(start, maxLen), toMaxLen(end, maxLen), true, options);
      }
      let parts = { negatives: [], positives: [] };
      let push = (num) => parts[num < 0 ? "negatives" : "positives"].push(Math.abs(num));
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        if (options.toRegex === true && step > 1) {
          push(a);
        } else {
          range.push(pad(format(a, index), maxLen, toNumber));
        }
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return step > 1 ? toSequence(parts, options, maxLen) : toRegex(range, null, { wrap: false, ...options });
      }
      return range;
    };
    var fillLetters = (start, end, step = 1, options = {}) => {
      if (!isNumber(start) && start.length > 1 || !isNumber(end) && end.length > 1) {
        return invalidRange(start, end, options);
      }
      let format = options.transform || ((val) => String.fromCharCode(val));
      let a = `${start}`.charCodeAt(0);
      let b = `${end}`.charCodeAt(0);
      let descending = a > b;
      let min = Math.min(a, b);
      let max = Math.max(a, b);
      if (options.toRegex && step === 1) {
        return toRange(min, max, false, options);
      }
      let range = [];
      let index = 0;
      while (descending ? a >= b : a <= b) {
        range.push(format(a, index));
        a = descending ? a - step : a + step;
        index++;
      }
      if (options.toRegex === true) {
        return toRegex(range, null, { wrap: false, options });
      }
      return range;
    };
    var fill = (start, end, step, options = {}) => {
      if (end == null && isValidValue(start)) {
        return [start];
      }
      if (!isValidValue(start) || !isValidValue(end)) {
        return invalidRange(start, end, options);
      }
      if (typeof step === "function") {
        return fill(start, end, 1, { transform: step });
      }
      if (isObject(step)) {
        return fill(start, end, 0, step);
      }
      let opts = { ...options };
      if (opts.capture === true) opts.wrap = true;
      step = step || opts.step || 1;
      if (!isNumber(step)) {
        if (step != null && !isObject(step)) return invalidStep(step, opts);
        return fill(start, end, 1, step);
      }
      if (isNumber(start) && isNumber(end)) {
        return fillNumbers(start, end, step, opts);
      }
      return fillLetters(start, end, Math.max(Math.abs(step), 1), opts);
    };
    module.exports = fill;
  }
});

// node_modules/braces/lib/compile.js
var require_compile = __commonJS({
  "node_modules/braces/lib/compile.js"(exports, module) {
    "use strict";
    var fill = require_fill_range();
    var utils = require_utils();
    var compile = (ast, options = {}) => {
      const walk2 = (node, parent = {}) => {
        const invalidBlock = utils.isInvalidBrace(parent);
        const invalidNode = node.invalid === true && options.escapeInvalid === true;
        const invalid = invalidBlock === true || invalidNode === true;
        const prefix = options.escapeInvalid === true ? "\\" : "";
        let output = "";
        if (node.isOpen === true) {
          return prefix + node.value;
        }
        if (node.isClose === true) {
          console.log("node.isClose", prefix, node.value);
          return prefix + node.value;
        }
        if (node.type === "open") {
          return invalid ? prefix + node.value : "(";
        }
        if (node.type === "close") {
          return invalid ? prefix + node.value : ")";
        }
        if (node.type === "comma") {
          return node.prev.type === "comma" ? "" : invalid ? node.value : "|";
        }
        if (node.value) {
          return node.value;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          const range = fill(...args, { ...options, wrap: false, toRegex: true, strictZeros: true });
          if (range.length !== 0) {
            return args.length > 1 && range.length > 1 ? `(${range})` : range;
          }
        }
        if (node.nodes) {
          for (const child of node.nodes) {
            output += walk2(child, node);
          }
        }
        return output;
      };
      return walk2(ast);
    };
    module.exports = compile;
  }
});

// node_modules/braces/lib/expand.js
var require_expand = __commonJS({
  "node_modules/braces/lib/expand.js"(exports, module) {
    "use strict";
    var fill = require_fill_range();
    var stringify = require_stringify2();
    var utils = require_utils();
    var append = (queue = "", stash = "", enclose = false) => {
      const result = [];
      queue = [].concat(queue);
      stash = [].concat(stash);
      if (!stash.length) return queue;
      if (!queue.length) {
        return enclose ? utils.flatten(stash).map((ele) => `{${ele}}`) : stash;
      }
      for (const item of queue) {
        if (Array.isArray(item)) {
          for (const value of item) {
            result.push(append(value, stash, enclose));
          }
        } else {
          for (let ele of stash) {
            if (enclose === true && typeof ele === "string") ele = `{${ele}}`;
            result.push(Array.isArray(ele) ? append(item, ele, enclose) : item + ele);
          }
        }
      }
      return utils.flatten(result);
    };
    var expand = (ast, options = {}) => {
      const rangeLimit = options.rangeLimit === void 0 ? 1e3 : options.rangeLimit;
      const walk2 = (node, parent = {}) => {
        node.queue = [];
        let p = parent;
        let q = parent.queue;
        while (p.type !== "brace" && p.type !== "root" && p.parent) {
          p = p.parent;
          q = p.queue;
        }
        if (node.invalid || node.dollar) {
          q.push(append(q.pop(), stringify(node, options)));
          return;
        }
        if (node.type === "brace" && node.invalid !== true && node.nodes.length === 2) {
          q.push(append(q.pop(), ["{}"]));
          return;
        }
        if (node.nodes && node.ranges > 0) {
          const args = utils.reduce(node.nodes);
          if (utils.exceedsLimit(...args, options.step, rangeLimit)) {
            throw new RangeError("expanded array length exceeds range limit. Use options.rangeLimit to increase or disable the limit.");
          }
          let range = fill(...args, options);
          if (range.length === 0) {
            range = stringify(node, options);
          }
          q.push(append(q.pop(), range));
          node.nodes = [];
          return;
        }
        const enclose = utils.encloseBrace(node);
        let queue = node.queue;
        let block = node;
        while (block.type !== "brace" && block.type !== "root" && block.parent) {
          block = block.parent;
          queue = block.queue;
        }
        for (let i = 0; i < node.nodes.length; i++) {
          const child = node.nodes[i];
          if (child.type === "comma" && node.type === "brace") {
            if (i === 1) queue.push("");
            queue.push("");
            continue;
          }
          if (child.type === "close") {
            q.push(append(q.pop(), queue, enclose));
            continue;
          }
          if (child.value && child.type !== "open") {
            queue.push(append(queue.pop(), child.value));
            continue;
          }
          if (child.nodes) {
            walk2(child, node);
          }
        }
        return queue;
      };
      return utils.flatten(walk2(ast));
    };
    module.exports = expand;
  }
});

// node_modules/braces/lib/constants.js
var require_constants = __commonJS({
  "node_modules/braces/lib/constants.js"(exports, module) {
    "use strict";
    module.exports = {
      MAX_LENGTH: 1e4,
      // Digits
      CHAR_0: "0",
      /* 0 */
      CHAR_9: "9",
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: "A",
      /* A */
      CHAR_LOWERCASE_A: "a",
      /* a */
      CHAR_UPPERCASE_Z: "Z",
      /* Z */
      CHAR_LOWERCASE_Z: "z",
      /* z */
      CHAR_LEFT_PARENTHESES: "(",
      /* ( */
      CHAR_RIGHT_PARENTHESES: ")",
      /* ) */
      CHAR_ASTERISK: "*",
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: "&",
      /* & */
      CHAR_AT: "@",
      /* @ */
      CHAR_BACKSLASH: "\\",
      /* \ */
      CHAR_BACKTICK: "`",
      /* ` */
      CHAR_CARRIAGE_RETURN: "\r",
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: "^",
      /* ^ */
      CHAR_COLON: ":",
      /* : */
      CHAR_COMMA: ",",
      /* , */
      CHAR_DOLLAR: "$",
      /* . */
      CHAR_DOT: ".",
      /* . */
      CHAR_DOUBLE_QUOTE: '"',
      /* " */
      CHAR_EQUAL: "=",
      /* = */
      CHAR_EXCLAMATION_MARK: "!",
      /* ! */
      CHAR_FORM_FEED: "\f",
      /* \f */
      CHAR_FORWARD_SLASH: "/",
      /* / */
      CHAR_HASH: "#",
      /* # */
      CHAR_HYPHEN_MINUS: "-",
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: "<",
      /* < */
      CHAR_LEFT_CURLY_BRACE: "{",
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: "[",
      /* [ */
      CHAR_LINE_FEED: "\n",
      /* \n */
      CHAR_NO_BREAK_SPACE: " ",
      /* \u00A0 */
      CHAR_PERCENT: "%",
      /* % */
      CHAR_PLUS: "+",
      /* + */
      CHAR_QUESTION_MARK: "?",
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: ">",
      /* > */
      CHAR_RIGHT_CURLY_BRACE: "}",
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: "]",
      /* ] */
      CHAR_SEMICOLON: ";",
      /* ; */
      CHAR_SINGLE_QUOTE: "'",
      /* ' */
      CHAR_SPACE: " ",
      /*   */
      CHAR_TAB: "	",
      /* \t */
      CHAR_UNDERSCORE: "_",
      /* _ */
      CHAR_VERTICAL_LINE: "|",
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: "\uFEFF"
      /* \uFEFF */
    };
  }
});

// node_modules/braces/lib/parse.js
var require_parse = __commonJS({
  "node_modules/braces/lib/parse.js"(exports, module) {
    "use strict";
    var stringify = require_stringify2();
    var {
      MAX_LENGTH,
      CHAR_BACKSLASH,
      /* \ */
      CHAR_BACKTICK,
      /* ` */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_RIGHT_SQUARE_BRACKET,
      /* ] */
      CHAR_DOUBLE_QUOTE,
      /* " */
      CHAR_SINGLE_QUOTE,
      /* ' */
      CHAR_NO_BREAK_SPACE,
      CHAR_ZERO_WIDTH_NOBREAK_SPACE
    } = require_constants();
    var parse = (input, options = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      const opts = options || {};
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      if (input.length > max) {
        throw new SyntaxError(`Input length (${input.length}), exceeds max characters (${max})`);
      }
      const ast = { type: "root", input, nodes: [] };
      const stack = [ast];
      let block = ast;
      let prev = ast;
      let brackets = 0;
      const length = input.length;
      let index = 0;
      let depth = 0;
      let value;
      const advance = () => input[index++];
      const push = (node) => {
        if (node.type === "text" && prev.type === "dot") {
          prev.type = "text";
        }
        if (prev && prev.type === "text" && node.type === "text") {
          prev.value += node.value;
          return;
        }
        block.nodes.push(node);
        node.parent = block;
        node.prev = prev;
        prev = node;
        return node;
      };
      push({ type: "bos" });
      while (index < length) {
        block = stack[stack.length - 1];
        value = advance();
        if (value === CHAR_ZERO_WIDTH_NOBREAK_SPACE || value === CHAR_NO_BREAK_SPACE) {
          continue;
        }
        if (value === CHAR_BACKSLASH) {
          push({ type: "text", value: (options.keepEscaping ? value : "") + advance() });
          continue;
        }
        if (value === CHAR_RIGHT_SQUARE_BRACKET) {
          push({ type: "text", value: "\\" + value });
          continue;
        }
        if (value === CHAR_LEFT_SQUARE_BRACKET) {
          brackets++;
          let next;
          while (index < length && (next = advance())) {
            value += next;
            if (next === CHAR_LEFT_SQUARE_BRACKET) {
              brackets++;
              continue;
            }
            if (next === CHAR_BACKSLASH) {
              value += advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              brackets--;
              if (brackets === 0) {
                break;
              }
            }
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_PARENTHESES) {
          block = push({ type: "paren", nodes: [] });
          stack.push(block);
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_RIGHT_PARENTHESES) {
          if (block.type !== "paren") {
            push({ type: "text", value });
            continue;
          }
          block = stack.pop();
          push({ type: "text", value });
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_DOUBLE_QUOTE || value === CHAR_SINGLE_QUOTE || value === CHAR_BACKTICK) {
          const open2 = value;
          let next;
          if (options.keepQuotes !== true) {
            value = "";
          }
          while (index < length && (next = advance())) {
            if (next === CHAR_BACKSLASH) {
              value += next + advance();
              continue;
            }
            if (next === open2) {
              if (options.keepQuotes === true) value += next;
              break;
            }
            value += next;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === CHAR_LEFT_CURLY_BRACE) {
          depth++;
          const dollar = prev.value && prev.value.slice(-1) === "$" || block.dollar === true;
          const brace = {
            type: "brace",
            open: true,
            close: false,
            dollar,
            depth,
            commas: 0,
            ranges: 0,
            nodes: []
          };
          block = push(brace);
          stack.push(block);
          push({ type: "open", value });
          continue;
        }
        if (value === CHAR_RIGHT_CURLY_BRACE) {
          if (block.type !== "brace") {
            push({ type: "text", value });
            continue;
          }
          const type = "close";
          block = stack.pop();
          block.close = true;
          push({ type, value });
          depth--;
          block = stack[stack.length - 1];
          continue;
        }
        if (value === CHAR_COMMA && depth > 0) {
          if (block.ranges > 0) {
            block.ranges = 0;
            const open2 = block.nodes.shift();
            block.nodes = [open2, { type: "text", value: stringify(block) }];
          }
          push({ type: "comma", value });
          block.commas++;
          continue;
        }
        if (value === CHAR_DOT && depth > 0 && block.commas === 0) {
          const siblings = block.nodes;
          if (depth === 0 || siblings.length === 0) {
            push({ type: "text", value });
            continue;
          }
          if (prev.type === "dot") {
            block.range = [];
            prev.value += value;
            prev.type = "range";
            if (block.nodes.length !== 3 && block.nodes.length !== 5) {
              block.invalid = true;
              block.ranges = 0;
              prev.type = "text";
              continue;
            }
            block.ranges++;
            block.args = [];
            continue;
          }
          if (prev.type === "range") {
            siblings.pop();
            const before = siblings[siblings.length - 1];
            before.value += prev.value + value;
            prev = before;
            block.ranges--;
            continue;
          }
          push({ type: "dot", value });
          continue;
        }
        push({ type: "text", value });
      }
      do {
        block = stack.pop();
        if (block.type !== "root") {
          block.nodes.forEach((node) => {
            if (!node.nodes) {
              if (node.type === "open") node.isOpen = true;
              if (node.type === "close") node.isClose = true;
              if (!node.nodes) node.type = "text";
              node.invalid = true;
            }
          });
          const parent = stack[stack.length - 1];
          const index2 = parent.nodes.indexOf(block);
          parent.nodes.splice(index2, 1, ...block.nodes);
        }
      } while (stack.length > 0);
      push({ type: "eos" });
      return ast;
    };
    module.exports = parse;
  }
});

// node_modules/braces/index.js
var require_braces = __commonJS({
  "node_modules/braces/index.js"(exports, module) {
    "use strict";
    var stringify = require_stringify2();
    var compile = require_compile();
    var expand = require_expand();
    var parse = require_parse();
    var braces = (input, options = {}) => {
      let output = [];
      if (Array.isArray(input)) {
        for (const pattern of input) {
          const result = braces.create(pattern, options);
          if (Array.isArray(result)) {
            output.push(...result);
          } else {
            output.push(result);
          }
        }
      } else {
        output = [].concat(braces.create(input, options));
      }
      if (options && options.expand === true && options.nodupes === true) {
        output = [...new Set(output)];
      }
      return output;
    };
    braces.parse = (input, options = {}) => parse(input, options);
    braces.stringify = (input, options = {}) => {
      if (typeof input === "string") {
        return stringify(braces.parse(input, options), options);
      }
      return stringify(input, options);
    };
    braces.compile = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      return compile(input, options);
    };
    braces.expand = (input, options = {}) => {
      if (typeof input === "string") {
        input = braces.parse(input, options);
      }
      let result = expand(input, options);
      if (options.noempty === true) {
        result = result.filter(Boolean);
      }
      if (options.nodupes === true) {
        result = [...new Set(result)];
      }
      return result;
    };
    braces.create = (input, options = {}) => {
      if (input === "" || input.length < 3) {
        return [input];
      }
      return options.expand !== true ? braces.compile(input, options) : braces.expand(input, options);
    };
    module.exports = braces;
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants2 = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var path9 = __require("path");
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      SEP: path9.sep,
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils2 = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var path9 = __require("path");
    var win32 = process.platform === "win32";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants2();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match2) => {
        return match2 === "\\" ? "" : match2;
      });
    };
    exports.supportsLookbehinds = () => {
      const segs = process.version.slice(1).split(".").map(Number);
      if (segs.length === 3 && segs[0] >= 9 || segs[0] === 8 && segs[1] >= 10) {
        return true;
      }
      return false;
    };
    exports.isWindows = (options) => {
      if (options && typeof options.windows === "boolean") {
        return options.windows;
      }
      return win32 === true || path9.sep === "\\";
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils2();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants2();
    var isPathSeparator = (code3) => {
      return code3 === CHAR_FORWARD_SLASH || code3 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code3;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code3;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code3 = advance();
        let next;
        if (code3 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code3 = advance();
          if (code3 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code3 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code3 = advance())) {
            if (code3 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code3 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code3 === CHAR_DOT && (code3 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code3 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code3 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code3 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code3 === CHAR_PLUS || code3 === CHAR_AT || code3 === CHAR_ASTERISK || code3 === CHAR_QUESTION_MARK || code3 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code3 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              while (eos() !== true && (code3 = advance())) {
                if (code3 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  code3 = advance();
                  continue;
                }
                if (code3 === CHAR_RIGHT_PARENTHESES) {
                  isGlob = token.isGlob = true;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code3 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code3 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code3 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code3 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code3 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            while (eos() !== true && (code3 = advance())) {
              if (code3 === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = true;
                code3 = advance();
                continue;
              }
              if (code3 === CHAR_RIGHT_PARENTHESES) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code3)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n = prevIndex ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value = input.slice(n, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (idx !== 0 || value !== "") {
            parts.push(value);
          }
          prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          const value = input.slice(prevIndex + 1);
          parts.push(value);
          if (opts.tokens) {
            tokens[tokens.length - 1].value = value;
            depth(tokens[tokens.length - 1]);
            state.maxDepth += tokens[tokens.length - 1].depth;
          }
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse2 = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants2();
    var utils = require_utils2();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote2 === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote2 = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote2 = quote2 === 1 ? 0 : 1;
          continue;
        }
        if (quote2 === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var getStarExtglobSequenceOutput = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match2 = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match2 || match2.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match2.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match2.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match2 = parseRepeatedExtglob(value);
      while (match2) {
        depth++;
        value = match2.body.trim();
        match2 = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      for (const branch of branches) {
        const safeOutput = getStarExtglobSequenceOutput(branch);
        if (safeOutput) {
          return { risky: true, safeOutput };
        }
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const win32 = utils.isWindows(options);
      const PLATFORM_CHARS = constants2.globChars(win32);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count2 = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count2++;
        }
        if (count2 % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.value += tok.value;
          prev.output = (prev.output || "") + tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open2 = tokens[token.tokensIndex];
          open2.type = "text";
          open2.value = literal;
          open2.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open2.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match2 = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match2 && match2[0].length > 2) {
            slashes = match2[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open2 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open2);
          push(open2);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (next === "<" && !utils.supportsLookbehinds()) {
              throw new Error("Node.js v10 or higher is required for regex lookbehinds");
            }
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match2 = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match2) {
            value += match2[0];
            state.index += match2[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const win32 = utils.isWindows(options);
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(win32);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match2 = /^(.*?)\.(\w+)$/.exec(str);
            if (!match2) return;
            const source2 = create(match2[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match2[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var path9 = __require("path");
    var scan = require_scan();
    var parse = require_parse2();
    var utils = require_utils2();
    var constants2 = require_constants2();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = utils.isWindows(options);
      const regex = isState ? picomatch.compileRe(glob, options) : picomatch.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored2 = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored2 = picomatch(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match: match2, output } = picomatch.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match: match2, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored2(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match2 = input === glob;
      let output = match2 && format ? format(input) : input;
      if (match2 === false) {
        output = format ? format(input) : input;
        match2 = output === glob;
      }
      if (match2 === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match2 = picomatch.matchBase(input, regex, options, posix);
        } else {
          match2 = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match2), match: match2, output };
    };
    picomatch.matchBase = (input, glob, options, posix = utils.isWindows(options)) => {
      const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
      return regex.test(path9.basename(input));
    };
    picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    picomatch.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch.scan = (input, options) => scan(input, options);
    picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch.constants = constants2;
    module.exports = picomatch;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    module.exports = require_picomatch();
  }
});

// node_modules/micromatch/index.js
var require_micromatch = __commonJS({
  "node_modules/micromatch/index.js"(exports, module) {
    "use strict";
    var util = __require("util");
    var braces = require_braces();
    var picomatch = require_picomatch2();
    var utils = require_utils2();
    var isEmptyString = (v) => v === "" || v === "./";
    var hasBraces = (v) => {
      const index = v.indexOf("{");
      return index > -1 && v.indexOf("}", index) > -1;
    };
    var micromatch = (list, patterns, options) => {
      patterns = [].concat(patterns);
      list = [].concat(list);
      let omit = /* @__PURE__ */ new Set();
      let keep = /* @__PURE__ */ new Set();
      let items = /* @__PURE__ */ new Set();
      let negatives = 0;
      let onResult = (state) => {
        items.add(state.output);
        if (options && options.onResult) {
          options.onResult(state);
        }
      };
      for (let i = 0; i < patterns.length; i++) {
        let isMatch = picomatch(String(patterns[i]), { ...options, onResult }, true);
        let negated = isMatch.state.negated || isMatch.state.negatedExtglob;
        if (negated) negatives++;
        for (let item of list) {
          let matched = isMatch(item, true);
          let match2 = negated ? !matched.isMatch : matched.isMatch;
          if (!match2) continue;
          if (negated) {
            omit.add(matched.output);
          } else {
            omit.delete(matched.output);
            keep.add(matched.output);
          }
        }
      }
      let result = negatives === patterns.length ? [...items] : [...keep];
      let matches = result.filter((item) => !omit.has(item));
      if (options && matches.length === 0) {
        if (options.failglob === true) {
          throw new Error(`No matches found for "${patterns.join(", ")}"`);
        }
        if (options.nonull === true || options.nullglob === true) {
          return options.unescape ? patterns.map((p) => p.replace(/\\/g, "")) : patterns;
        }
      }
      return matches;
    };
    micromatch.match = micromatch;
    micromatch.matcher = (pattern, options) => picomatch(pattern, options);
    micromatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);
    micromatch.any = micromatch.isMatch;
    micromatch.not = (list, patterns, options = {}) => {
      patterns = [].concat(patterns).map(String);
      let result = /* @__PURE__ */ new Set();
      let items = [];
      let onResult = (state) => {
        if (options.onResult) options.onResult(state);
        items.push(state.output);
      };
      let matches = new Set(micromatch(list, patterns, { ...options, onResult }));
      for (let item of items) {
        if (!matches.has(item)) {
          result.add(item);
        }
      }
      return [...result];
    };
    micromatch.contains = (str, pattern, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      if (Array.isArray(pattern)) {
        return pattern.some((p) => micromatch.contains(str, p, options));
      }
      if (typeof pattern === "string") {
        if (isEmptyString(str) || isEmptyString(pattern)) {
          return false;
        }
        if (str.includes(pattern) || str.startsWith("./") && str.slice(2).includes(pattern)) {
          return true;
        }
      }
      return micromatch.isMatch(str, pattern, { ...options, contains: true });
    };
    micromatch.matchKeys = (obj, patterns, options) => {
      if (!utils.isObject(obj)) {
        throw new TypeError("Expected the first argument to be an object");
      }
      let keys = micromatch(Object.keys(obj), patterns, options);
      let res = {};
      for (let key of keys) res[key] = obj[key];
      return res;
    };
    micromatch.some = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (items.some((item) => isMatch(item))) {
          return true;
        }
      }
      return false;
    };
    micromatch.every = (list, patterns, options) => {
      let items = [].concat(list);
      for (let pattern of [].concat(patterns)) {
        let isMatch = picomatch(String(pattern), options);
        if (!items.every((item) => isMatch(item))) {
          return false;
        }
      }
      return true;
    };
    micromatch.all = (str, patterns, options) => {
      if (typeof str !== "string") {
        throw new TypeError(`Expected a string: "${util.inspect(str)}"`);
      }
      return [].concat(patterns).every((p) => picomatch(p, options)(str));
    };
    micromatch.capture = (glob, input, options) => {
      let posix = utils.isWindows(options);
      let regex = picomatch.makeRe(String(glob), { ...options, capture: true });
      let match2 = regex.exec(posix ? utils.toPosixSlashes(input) : input);
      if (match2) {
        return match2.slice(1).map((v) => v === void 0 ? "" : v);
      }
    };
    micromatch.makeRe = (...args) => picomatch.makeRe(...args);
    micromatch.scan = (...args) => picomatch.scan(...args);
    micromatch.parse = (patterns, options) => {
      let res = [];
      for (let pattern of [].concat(patterns || [])) {
        for (let str of braces(String(pattern), options)) {
          res.push(picomatch.parse(str, options));
        }
      }
      return res;
    };
    micromatch.braces = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      if (options && options.nobrace === true || !hasBraces(pattern)) {
        return [pattern];
      }
      return braces(pattern, options);
    };
    micromatch.braceExpand = (pattern, options) => {
      if (typeof pattern !== "string") throw new TypeError("Expected a string");
      return micromatch.braces(pattern, { ...options, expand: true });
    };
    micromatch.hasBraces = hasBraces;
    module.exports = micromatch;
  }
});

// node_modules/fast-glob/out/utils/pattern.js
var require_pattern = __commonJS({
  "node_modules/fast-glob/out/utils/pattern.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isAbsolute = exports.partitionAbsoluteAndRelative = exports.removeDuplicateSlashes = exports.matchAny = exports.convertPatternsToRe = exports.makeRe = exports.getPatternParts = exports.expandBraceExpansion = exports.expandPatternsWithBraceExpansion = exports.isAffectDepthOfReadingPattern = exports.endsWithSlashGlobStar = exports.hasGlobStar = exports.getBaseDirectory = exports.isPatternRelatedToParentDirectory = exports.getPatternsOutsideCurrentDirectory = exports.getPatternsInsideCurrentDirectory = exports.getPositivePatterns = exports.getNegativePatterns = exports.isPositivePattern = exports.isNegativePattern = exports.convertToNegativePattern = exports.convertToPositivePattern = exports.isDynamicPattern = exports.isStaticPattern = void 0;
    var path9 = __require("path");
    var globParent = require_glob_parent();
    var micromatch = require_micromatch();
    var GLOBSTAR = "**";
    var ESCAPE_SYMBOL = "\\";
    var COMMON_GLOB_SYMBOLS_RE = /[*?]|^!/;
    var REGEX_CHARACTER_CLASS_SYMBOLS_RE = /\[[^[]*]/;
    var REGEX_GROUP_SYMBOLS_RE = /(?:^|[^!*+?@])\([^(]*\|[^|]*\)/;
    var GLOB_EXTENSION_SYMBOLS_RE = /[!*+?@]\([^(]*\)/;
    var BRACE_EXPANSION_SEPARATORS_RE = /,|\.\./;
    var DOUBLE_SLASH_RE = /(?!^)\/{2,}/g;
    function isStaticPattern(pattern, options = {}) {
      return !isDynamicPattern(pattern, options);
    }
    exports.isStaticPattern = isStaticPattern;
    function isDynamicPattern(pattern, options = {}) {
      if (pattern === "") {
        return false;
      }
      if (options.caseSensitiveMatch === false || pattern.includes(ESCAPE_SYMBOL)) {
        return true;
      }
      if (COMMON_GLOB_SYMBOLS_RE.test(pattern) || REGEX_CHARACTER_CLASS_SYMBOLS_RE.test(pattern) || REGEX_GROUP_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.extglob !== false && GLOB_EXTENSION_SYMBOLS_RE.test(pattern)) {
        return true;
      }
      if (options.braceExpansion !== false && hasBraceExpansion(pattern)) {
        return true;
      }
      return false;
    }
    exports.isDynamicPattern = isDynamicPattern;
    function hasBraceExpansion(pattern) {
      const openingBraceIndex = pattern.indexOf("{");
      if (openingBraceIndex === -1) {
        return false;
      }
      const closingBraceIndex = pattern.indexOf("}", openingBraceIndex + 1);
      if (closingBraceIndex === -1) {
        return false;
      }
      const braceContent = pattern.slice(openingBraceIndex, closingBraceIndex);
      return BRACE_EXPANSION_SEPARATORS_RE.test(braceContent);
    }
    function convertToPositivePattern(pattern) {
      return isNegativePattern(pattern) ? pattern.slice(1) : pattern;
    }
    exports.convertToPositivePattern = convertToPositivePattern;
    function convertToNegativePattern(pattern) {
      return "!" + pattern;
    }
    exports.convertToNegativePattern = convertToNegativePattern;
    function isNegativePattern(pattern) {
      return pattern.startsWith("!") && pattern[1] !== "(";
    }
    exports.isNegativePattern = isNegativePattern;
    function isPositivePattern(pattern) {
      return !isNegativePattern(pattern);
    }
    exports.isPositivePattern = isPositivePattern;
    function getNegativePatterns(patterns) {
      return patterns.filter(isNegativePattern);
    }
    exports.getNegativePatterns = getNegativePatterns;
    function getPositivePatterns(patterns) {
      return patterns.filter(isPositivePattern);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getPatternsInsideCurrentDirectory(patterns) {
      return patterns.filter((pattern) => !isPatternRelatedToParentDirectory(pattern));
    }
    exports.getPatternsInsideCurrentDirectory = getPatternsInsideCurrentDirectory;
    function getPatternsOutsideCurrentDirectory(patterns) {
      return patterns.filter(isPatternRelatedToParentDirectory);
    }
    exports.getPatternsOutsideCurrentDirectory = getPatternsOutsideCurrentDirectory;
    function isPatternRelatedToParentDirectory(pattern) {
      return pattern.startsWith("..") || pattern.startsWith("./..");
    }
    exports.isPatternRelatedToParentDirectory = isPatternRelatedToParentDirectory;
    function getBaseDirectory(pattern) {
      return globParent(pattern, { flipBackslashes: false });
    }
    exports.getBaseDirectory = getBaseDirectory;
    function hasGlobStar(pattern) {
      return pattern.includes(GLOBSTAR);
    }
    exports.hasGlobStar = hasGlobStar;
    function endsWithSlashGlobStar(pattern) {
      return pattern.endsWith("/" + GLOBSTAR);
    }
    exports.endsWithSlashGlobStar = endsWithSlashGlobStar;
    function isAffectDepthOfReadingPattern(pattern) {
      const basename = path9.basename(pattern);
      return endsWithSlashGlobStar(pattern) || isStaticPattern(basename);
    }
    exports.isAffectDepthOfReadingPattern = isAffectDepthOfReadingPattern;
    function expandPatternsWithBraceExpansion(patterns) {
      return patterns.reduce((collection, pattern) => {
        return collection.concat(expandBraceExpansion(pattern));
      }, []);
    }
    exports.expandPatternsWithBraceExpansion = expandPatternsWithBraceExpansion;
    function expandBraceExpansion(pattern) {
      const patterns = micromatch.braces(pattern, { expand: true, nodupes: true, keepEscaping: true });
      patterns.sort((a, b) => a.length - b.length);
      return patterns.filter((pattern2) => pattern2 !== "");
    }
    exports.expandBraceExpansion = expandBraceExpansion;
    function getPatternParts(pattern, options) {
      let { parts } = micromatch.scan(pattern, Object.assign(Object.assign({}, options), { parts: true }));
      if (parts.length === 0) {
        parts = [pattern];
      }
      if (parts[0].startsWith("/")) {
        parts[0] = parts[0].slice(1);
        parts.unshift("");
      }
      return parts;
    }
    exports.getPatternParts = getPatternParts;
    function makeRe(pattern, options) {
      return micromatch.makeRe(pattern, options);
    }
    exports.makeRe = makeRe;
    function convertPatternsToRe(patterns, options) {
      return patterns.map((pattern) => makeRe(pattern, options));
    }
    exports.convertPatternsToRe = convertPatternsToRe;
    function matchAny(entry2, patternsRe) {
      return patternsRe.some((patternRe) => patternRe.test(entry2));
    }
    exports.matchAny = matchAny;
    function removeDuplicateSlashes(pattern) {
      return pattern.replace(DOUBLE_SLASH_RE, "/");
    }
    exports.removeDuplicateSlashes = removeDuplicateSlashes;
    function partitionAbsoluteAndRelative(patterns) {
      const absolute = [];
      const relative = [];
      for (const pattern of patterns) {
        if (isAbsolute(pattern)) {
          absolute.push(pattern);
        } else {
          relative.push(pattern);
        }
      }
      return [absolute, relative];
    }
    exports.partitionAbsoluteAndRelative = partitionAbsoluteAndRelative;
    function isAbsolute(pattern) {
      return path9.isAbsolute(pattern);
    }
    exports.isAbsolute = isAbsolute;
  }
});

// node_modules/merge2/index.js
var require_merge2 = __commonJS({
  "node_modules/merge2/index.js"(exports, module) {
    "use strict";
    var Stream = __require("stream");
    var PassThrough = Stream.PassThrough;
    var slice = Array.prototype.slice;
    module.exports = merge2;
    function merge2() {
      const streamsQueue = [];
      const args = slice.call(arguments);
      let merging = false;
      let options = args[args.length - 1];
      if (options && !Array.isArray(options) && options.pipe == null) {
        args.pop();
      } else {
        options = {};
      }
      const doEnd = options.end !== false;
      const doPipeError = options.pipeError === true;
      if (options.objectMode == null) {
        options.objectMode = true;
      }
      if (options.highWaterMark == null) {
        options.highWaterMark = 64 * 1024;
      }
      const mergedStream = PassThrough(options);
      function addStream() {
        for (let i = 0, len = arguments.length; i < len; i++) {
          streamsQueue.push(pauseStreams(arguments[i], options));
        }
        mergeStream();
        return this;
      }
      function mergeStream() {
        if (merging) {
          return;
        }
        merging = true;
        let streams = streamsQueue.shift();
        if (!streams) {
          process.nextTick(endStream);
          return;
        }
        if (!Array.isArray(streams)) {
          streams = [streams];
        }
        let pipesCount = streams.length + 1;
        function next() {
          if (--pipesCount > 0) {
            return;
          }
          merging = false;
          mergeStream();
        }
        function pipe(stream) {
          function onend() {
            stream.removeListener("merge2UnpipeEnd", onend);
            stream.removeListener("end", onend);
            if (doPipeError) {
              stream.removeListener("error", onerror);
            }
            next();
          }
          function onerror(err) {
            mergedStream.emit("error", err);
          }
          if (stream._readableState.endEmitted) {
            return next();
          }
          stream.on("merge2UnpipeEnd", onend);
          stream.on("end", onend);
          if (doPipeError) {
            stream.on("error", onerror);
          }
          stream.pipe(mergedStream, { end: false });
          stream.resume();
        }
        for (let i = 0; i < streams.length; i++) {
          pipe(streams[i]);
        }
        next();
      }
      function endStream() {
        merging = false;
        mergedStream.emit("queueDrain");
        if (doEnd) {
          mergedStream.end();
        }
      }
      mergedStream.setMaxListeners(0);
      mergedStream.add = addStream;
      mergedStream.on("unpipe", function(stream) {
        stream.emit("merge2UnpipeEnd");
      });
      if (args.length) {
        addStream.apply(null, args);
      }
      return mergedStream;
    }
    function pauseStreams(streams, options) {
      if (!Array.isArray(streams)) {
        if (!streams._readableState && streams.pipe) {
          streams = streams.pipe(PassThrough(options));
        }
        if (!streams._readableState || !streams.pause || !streams.pipe) {
          throw new Error("Only readable stream can be merged.");
        }
        streams.pause();
      } else {
        for (let i = 0, len = streams.length; i < len; i++) {
          streams[i] = pauseStreams(streams[i], options);
        }
      }
      return streams;
    }
  }
});

// node_modules/fast-glob/out/utils/stream.js
var require_stream = __commonJS({
  "node_modules/fast-glob/out/utils/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.merge = void 0;
    var merge2 = require_merge2();
    function merge(streams) {
      const mergedStream = merge2(streams);
      streams.forEach((stream) => {
        stream.once("error", (error) => mergedStream.emit("error", error));
      });
      mergedStream.once("close", () => propagateCloseEventToSources(streams));
      mergedStream.once("end", () => propagateCloseEventToSources(streams));
      return mergedStream;
    }
    exports.merge = merge;
    function propagateCloseEventToSources(streams) {
      streams.forEach((stream) => stream.emit("close"));
    }
  }
});

// node_modules/fast-glob/out/utils/string.js
var require_string2 = __commonJS({
  "node_modules/fast-glob/out/utils/string.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isEmpty = exports.isString = void 0;
    function isString(input) {
      return typeof input === "string";
    }
    exports.isString = isString;
    function isEmpty(input) {
      return input === "";
    }
    exports.isEmpty = isEmpty;
  }
});

// node_modules/fast-glob/out/utils/index.js
var require_utils3 = __commonJS({
  "node_modules/fast-glob/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.string = exports.stream = exports.pattern = exports.path = exports.fs = exports.errno = exports.array = void 0;
    var array = require_array();
    exports.array = array;
    var errno = require_errno();
    exports.errno = errno;
    var fs = require_fs();
    exports.fs = fs;
    var path9 = require_path();
    exports.path = path9;
    var pattern = require_pattern();
    exports.pattern = pattern;
    var stream = require_stream();
    exports.stream = stream;
    var string2 = require_string2();
    exports.string = string2;
  }
});

// node_modules/fast-glob/out/managers/tasks.js
var require_tasks = __commonJS({
  "node_modules/fast-glob/out/managers/tasks.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.convertPatternGroupToTask = exports.convertPatternGroupsToTasks = exports.groupPatternsByBaseDirectory = exports.getNegativePatternsAsPositive = exports.getPositivePatterns = exports.convertPatternsToTasks = exports.generate = void 0;
    var utils = require_utils3();
    function generate(input, settings) {
      const patterns = processPatterns(input, settings);
      const ignore3 = processPatterns(settings.ignore, settings);
      const positivePatterns = getPositivePatterns(patterns);
      const negativePatterns = getNegativePatternsAsPositive(patterns, ignore3);
      const staticPatterns = positivePatterns.filter((pattern) => utils.pattern.isStaticPattern(pattern, settings));
      const dynamicPatterns = positivePatterns.filter((pattern) => utils.pattern.isDynamicPattern(pattern, settings));
      const staticTasks = convertPatternsToTasks(
        staticPatterns,
        negativePatterns,
        /* dynamic */
        false
      );
      const dynamicTasks = convertPatternsToTasks(
        dynamicPatterns,
        negativePatterns,
        /* dynamic */
        true
      );
      return staticTasks.concat(dynamicTasks);
    }
    exports.generate = generate;
    function processPatterns(input, settings) {
      let patterns = input;
      if (settings.braceExpansion) {
        patterns = utils.pattern.expandPatternsWithBraceExpansion(patterns);
      }
      if (settings.baseNameMatch) {
        patterns = patterns.map((pattern) => pattern.includes("/") ? pattern : `**/${pattern}`);
      }
      return patterns.map((pattern) => utils.pattern.removeDuplicateSlashes(pattern));
    }
    function convertPatternsToTasks(positive, negative, dynamic) {
      const tasks = [];
      const patternsOutsideCurrentDirectory = utils.pattern.getPatternsOutsideCurrentDirectory(positive);
      const patternsInsideCurrentDirectory = utils.pattern.getPatternsInsideCurrentDirectory(positive);
      const outsideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsOutsideCurrentDirectory);
      const insideCurrentDirectoryGroup = groupPatternsByBaseDirectory(patternsInsideCurrentDirectory);
      tasks.push(...convertPatternGroupsToTasks(outsideCurrentDirectoryGroup, negative, dynamic));
      if ("." in insideCurrentDirectoryGroup) {
        tasks.push(convertPatternGroupToTask(".", patternsInsideCurrentDirectory, negative, dynamic));
      } else {
        tasks.push(...convertPatternGroupsToTasks(insideCurrentDirectoryGroup, negative, dynamic));
      }
      return tasks;
    }
    exports.convertPatternsToTasks = convertPatternsToTasks;
    function getPositivePatterns(patterns) {
      return utils.pattern.getPositivePatterns(patterns);
    }
    exports.getPositivePatterns = getPositivePatterns;
    function getNegativePatternsAsPositive(patterns, ignore3) {
      const negative = utils.pattern.getNegativePatterns(patterns).concat(ignore3);
      const positive = negative.map(utils.pattern.convertToPositivePattern);
      return positive;
    }
    exports.getNegativePatternsAsPositive = getNegativePatternsAsPositive;
    function groupPatternsByBaseDirectory(patterns) {
      const group = {};
      return patterns.reduce((collection, pattern) => {
        const base = utils.pattern.getBaseDirectory(pattern);
        if (base in collection) {
          collection[base].push(pattern);
        } else {
          collection[base] = [pattern];
        }
        return collection;
      }, group);
    }
    exports.groupPatternsByBaseDirectory = groupPatternsByBaseDirectory;
    function convertPatternGroupsToTasks(positive, negative, dynamic) {
      return Object.keys(positive).map((base) => {
        return convertPatternGroupToTask(base, positive[base], negative, dynamic);
      });
    }
    exports.convertPatternGroupsToTasks = convertPatternGroupsToTasks;
    function convertPatternGroupToTask(base, positive, negative, dynamic) {
      return {
        dynamic,
        positive,
        negative,
        base,
        patterns: [].concat(positive, negative.map(utils.pattern.convertToNegativePattern))
      };
    }
    exports.convertPatternGroupToTask = convertPatternGroupToTask;
  }
});

// node_modules/@nodelib/fs.stat/out/providers/async.js
var require_async = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path9, settings, callback) {
      settings.fs.lstat(path9, (lstatError, lstat) => {
        if (lstatError !== null) {
          callFailureCallback(callback, lstatError);
          return;
        }
        if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
          callSuccessCallback(callback, lstat);
          return;
        }
        settings.fs.stat(path9, (statError, stat2) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              callFailureCallback(callback, statError);
              return;
            }
            callSuccessCallback(callback, lstat);
            return;
          }
          if (settings.markSymbolicLink) {
            stat2.isSymbolicLink = () => true;
          }
          callSuccessCallback(callback, stat2);
        });
      });
    }
    exports.read = read;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.stat/out/providers/sync.js
var require_sync = __commonJS({
  "node_modules/@nodelib/fs.stat/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.read = void 0;
    function read(path9, settings) {
      const lstat = settings.fs.lstatSync(path9);
      if (!lstat.isSymbolicLink() || !settings.followSymbolicLink) {
        return lstat;
      }
      try {
        const stat2 = settings.fs.statSync(path9);
        if (settings.markSymbolicLink) {
          stat2.isSymbolicLink = () => true;
        }
        return stat2;
      } catch (error) {
        if (!settings.throwErrorOnBrokenSymbolicLink) {
          return lstat;
        }
        throw error;
      }
    }
    exports.read = read;
  }
});

// node_modules/@nodelib/fs.stat/out/adapters/fs.js
var require_fs2 = __commonJS({
  "node_modules/@nodelib/fs.stat/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.stat/out/settings.js
var require_settings = __commonJS({
  "node_modules/@nodelib/fs.stat/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs = require_fs2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLink = this._getValue(this._options.followSymbolicLink, true);
        this.fs = fs.createFileSystemAdapter(this._options.fs);
        this.markSymbolicLink = this._getValue(this._options.markSymbolicLink, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.stat/out/index.js
var require_out = __commonJS({
  "node_modules/@nodelib/fs.stat/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.statSync = exports.stat = exports.Settings = void 0;
    var async = require_async();
    var sync = require_sync();
    var settings_1 = require_settings();
    exports.Settings = settings_1.default;
    function stat2(path9, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path9, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path9, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.stat = stat2;
    function statSync2(path9, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path9, settings);
    }
    exports.statSync = statSync2;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/queue-microtask/index.js
var require_queue_microtask = __commonJS({
  "node_modules/queue-microtask/index.js"(exports, module) {
    var promise;
    module.exports = typeof queueMicrotask === "function" ? queueMicrotask.bind(typeof window !== "undefined" ? window : global) : (cb) => (promise || (promise = Promise.resolve())).then(cb).catch((err) => setTimeout(() => {
      throw err;
    }, 0));
  }
});

// node_modules/run-parallel/index.js
var require_run_parallel = __commonJS({
  "node_modules/run-parallel/index.js"(exports, module) {
    module.exports = runParallel;
    var queueMicrotask2 = require_queue_microtask();
    function runParallel(tasks, cb) {
      let results, pending, keys;
      let isSync = true;
      if (Array.isArray(tasks)) {
        results = [];
        pending = tasks.length;
      } else {
        keys = Object.keys(tasks);
        results = {};
        pending = keys.length;
      }
      function done2(err) {
        function end() {
          if (cb) cb(err, results);
          cb = null;
        }
        if (isSync) queueMicrotask2(end);
        else end();
      }
      function each(i, err, result) {
        results[i] = result;
        if (--pending === 0 || err) {
          done2(err);
        }
      }
      if (!pending) {
        done2(null);
      } else if (keys) {
        keys.forEach(function(key) {
          tasks[key](function(err, result) {
            each(key, err, result);
          });
        });
      } else {
        tasks.forEach(function(task, i) {
          task(function(err, result) {
            each(i, err, result);
          });
        });
      }
      isSync = false;
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/constants.js
var require_constants3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = void 0;
    var NODE_PROCESS_VERSION_PARTS = process.versions.node.split(".");
    if (NODE_PROCESS_VERSION_PARTS[0] === void 0 || NODE_PROCESS_VERSION_PARTS[1] === void 0) {
      throw new Error(`Unexpected behavior. The 'process.versions.node' variable has invalid value: ${process.versions.node}`);
    }
    var MAJOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[0], 10);
    var MINOR_VERSION = Number.parseInt(NODE_PROCESS_VERSION_PARTS[1], 10);
    var SUPPORTED_MAJOR_VERSION = 10;
    var SUPPORTED_MINOR_VERSION = 10;
    var IS_MATCHED_BY_MAJOR = MAJOR_VERSION > SUPPORTED_MAJOR_VERSION;
    var IS_MATCHED_BY_MAJOR_AND_MINOR = MAJOR_VERSION === SUPPORTED_MAJOR_VERSION && MINOR_VERSION >= SUPPORTED_MINOR_VERSION;
    exports.IS_SUPPORT_READDIR_WITH_FILE_TYPES = IS_MATCHED_BY_MAJOR || IS_MATCHED_BY_MAJOR_AND_MINOR;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/fs.js
var require_fs3 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDirentFromStats = void 0;
    var DirentFromStats = class {
      constructor(name, stats) {
        this.name = name;
        this.isBlockDevice = stats.isBlockDevice.bind(stats);
        this.isCharacterDevice = stats.isCharacterDevice.bind(stats);
        this.isDirectory = stats.isDirectory.bind(stats);
        this.isFIFO = stats.isFIFO.bind(stats);
        this.isFile = stats.isFile.bind(stats);
        this.isSocket = stats.isSocket.bind(stats);
        this.isSymbolicLink = stats.isSymbolicLink.bind(stats);
      }
    };
    function createDirentFromStats(name, stats) {
      return new DirentFromStats(name, stats);
    }
    exports.createDirentFromStats = createDirentFromStats;
  }
});

// node_modules/@nodelib/fs.scandir/out/utils/index.js
var require_utils4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/utils/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.fs = void 0;
    var fs = require_fs3();
    exports.fs = fs;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/common.js
var require_common = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = void 0;
    function joinPathSegments(a, b, separator) {
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/async.js
var require_async2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var rpl = require_run_parallel();
    var constants_1 = require_constants3();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings, callback) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        readdirWithFileTypes(directory, settings, callback);
        return;
      }
      readdir2(directory, settings, callback);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings, callback) {
      settings.fs.readdir(directory, { withFileTypes: true }, (readdirError, dirents) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const entries = dirents.map((dirent) => ({
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        }));
        if (!settings.followSymbolicLinks) {
          callSuccessCallback(callback, entries);
          return;
        }
        const tasks = entries.map((entry2) => makeRplTaskEntry(entry2, settings));
        rpl(tasks, (rplError, rplEntries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, rplEntries);
        });
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function makeRplTaskEntry(entry2, settings) {
      return (done2) => {
        if (!entry2.dirent.isSymbolicLink()) {
          done2(null, entry2);
          return;
        }
        settings.fs.stat(entry2.path, (statError, stats) => {
          if (statError !== null) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              done2(statError);
              return;
            }
            done2(null, entry2);
            return;
          }
          entry2.dirent = utils.fs.createDirentFromStats(entry2.name, stats);
          done2(null, entry2);
        });
      };
    }
    function readdir2(directory, settings, callback) {
      settings.fs.readdir(directory, (readdirError, names) => {
        if (readdirError !== null) {
          callFailureCallback(callback, readdirError);
          return;
        }
        const tasks = names.map((name) => {
          const path9 = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
          return (done2) => {
            fsStat.stat(path9, settings.fsStatSettings, (error, stats) => {
              if (error !== null) {
                done2(error);
                return;
              }
              const entry2 = {
                name,
                path: path9,
                dirent: utils.fs.createDirentFromStats(name, stats)
              };
              if (settings.stats) {
                entry2.stats = stats;
              }
              done2(null, entry2);
            });
          };
        });
        rpl(tasks, (rplError, entries) => {
          if (rplError !== null) {
            callFailureCallback(callback, rplError);
            return;
          }
          callSuccessCallback(callback, entries);
        });
      });
    }
    exports.readdir = readdir2;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, result) {
      callback(null, result);
    }
  }
});

// node_modules/@nodelib/fs.scandir/out/providers/sync.js
var require_sync2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.readdir = exports.readdirWithFileTypes = exports.read = void 0;
    var fsStat = require_out();
    var constants_1 = require_constants3();
    var utils = require_utils4();
    var common = require_common();
    function read(directory, settings) {
      if (!settings.stats && constants_1.IS_SUPPORT_READDIR_WITH_FILE_TYPES) {
        return readdirWithFileTypes(directory, settings);
      }
      return readdir2(directory, settings);
    }
    exports.read = read;
    function readdirWithFileTypes(directory, settings) {
      const dirents = settings.fs.readdirSync(directory, { withFileTypes: true });
      return dirents.map((dirent) => {
        const entry2 = {
          dirent,
          name: dirent.name,
          path: common.joinPathSegments(directory, dirent.name, settings.pathSegmentSeparator)
        };
        if (entry2.dirent.isSymbolicLink() && settings.followSymbolicLinks) {
          try {
            const stats = settings.fs.statSync(entry2.path);
            entry2.dirent = utils.fs.createDirentFromStats(entry2.name, stats);
          } catch (error) {
            if (settings.throwErrorOnBrokenSymbolicLink) {
              throw error;
            }
          }
        }
        return entry2;
      });
    }
    exports.readdirWithFileTypes = readdirWithFileTypes;
    function readdir2(directory, settings) {
      const names = settings.fs.readdirSync(directory);
      return names.map((name) => {
        const entryPath = common.joinPathSegments(directory, name, settings.pathSegmentSeparator);
        const stats = fsStat.statSync(entryPath, settings.fsStatSettings);
        const entry2 = {
          name,
          path: entryPath,
          dirent: utils.fs.createDirentFromStats(name, stats)
        };
        if (settings.stats) {
          entry2.stats = stats;
        }
        return entry2;
      });
    }
    exports.readdir = readdir2;
  }
});

// node_modules/@nodelib/fs.scandir/out/adapters/fs.js
var require_fs4 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/adapters/fs.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createFileSystemAdapter = exports.FILE_SYSTEM_ADAPTER = void 0;
    var fs = __require("fs");
    exports.FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      stat: fs.stat,
      lstatSync: fs.lstatSync,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    function createFileSystemAdapter(fsMethods) {
      if (fsMethods === void 0) {
        return exports.FILE_SYSTEM_ADAPTER;
      }
      return Object.assign(Object.assign({}, exports.FILE_SYSTEM_ADAPTER), fsMethods);
    }
    exports.createFileSystemAdapter = createFileSystemAdapter;
  }
});

// node_modules/@nodelib/fs.scandir/out/settings.js
var require_settings2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path9 = __require("path");
    var fsStat = require_out();
    var fs = require_fs4();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, false);
        this.fs = fs.createFileSystemAdapter(this._options.fs);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path9.sep);
        this.stats = this._getValue(this._options.stats, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, true);
        this.fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this.followSymbolicLinks,
          fs: this.fs,
          throwErrorOnBrokenSymbolicLink: this.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.scandir/out/index.js
var require_out2 = __commonJS({
  "node_modules/@nodelib/fs.scandir/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.scandirSync = exports.scandir = void 0;
    var async = require_async2();
    var sync = require_sync2();
    var settings_1 = require_settings2();
    exports.Settings = settings_1.default;
    function scandir(path9, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        async.read(path9, getSettings(), optionsOrSettingsOrCallback);
        return;
      }
      async.read(path9, getSettings(optionsOrSettingsOrCallback), callback);
    }
    exports.scandir = scandir;
    function scandirSync(path9, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      return sync.read(path9, settings);
    }
    exports.scandirSync = scandirSync;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/reusify/reusify.js
var require_reusify = __commonJS({
  "node_modules/reusify/reusify.js"(exports, module) {
    "use strict";
    function reusify(Constructor) {
      var head = new Constructor();
      var tail = head;
      function get() {
        var current = head;
        if (current.next) {
          head = current.next;
        } else {
          head = new Constructor();
          tail = head;
        }
        current.next = null;
        return current;
      }
      function release(obj) {
        tail.next = obj;
        tail = obj;
      }
      return {
        get,
        release
      };
    }
    module.exports = reusify;
  }
});

// node_modules/fastq/queue.js
var require_queue = __commonJS({
  "node_modules/fastq/queue.js"(exports, module) {
    "use strict";
    var reusify = require_reusify();
    function fastqueue(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      if (!(_concurrency >= 1)) {
        throw new Error("fastqueue concurrency must be equal to or greater than 1");
      }
      var cache = reusify(Task);
      var queueHead = null;
      var queueTail = null;
      var _running = 0;
      var errorHandler = null;
      var self = {
        push,
        drain: noop,
        saturated: noop,
        pause,
        paused: false,
        get concurrency() {
          return _concurrency;
        },
        set concurrency(value) {
          if (!(value >= 1)) {
            throw new Error("fastqueue concurrency must be equal to or greater than 1");
          }
          _concurrency = value;
          if (self.paused) return;
          for (; queueHead && _running < _concurrency; ) {
            _running++;
            release();
          }
        },
        running,
        resume,
        idle,
        length,
        getQueue,
        unshift,
        empty: noop,
        kill,
        killAndDrain,
        error,
        abort
      };
      return self;
      function running() {
        return _running;
      }
      function pause() {
        self.paused = true;
      }
      function length() {
        var current = queueHead;
        var counter = 0;
        while (current) {
          current = current.next;
          counter++;
        }
        return counter;
      }
      function getQueue() {
        var current = queueHead;
        var tasks = [];
        while (current) {
          tasks.push(current.value);
          current = current.next;
        }
        return tasks;
      }
      function resume() {
        if (!self.paused) return;
        self.paused = false;
        if (queueHead === null) {
          _running++;
          release();
          return;
        }
        for (; queueHead && _running < _concurrency; ) {
          _running++;
          release();
        }
      }
      function idle() {
        return _running === 0 && self.length() === 0;
      }
      function push(value, done2) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done2 || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueTail) {
            queueTail.next = current;
            queueTail = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function unshift(value, done2) {
        var current = cache.get();
        current.context = context;
        current.release = release;
        current.value = value;
        current.callback = done2 || noop;
        current.errorHandler = errorHandler;
        if (_running >= _concurrency || self.paused) {
          if (queueHead) {
            current.next = queueHead;
            queueHead = current;
          } else {
            queueHead = current;
            queueTail = current;
            self.saturated();
          }
        } else {
          _running++;
          worker.call(context, current.value, current.worked);
        }
      }
      function release(holder) {
        if (holder) {
          cache.release(holder);
        }
        var next = queueHead;
        if (next && _running <= _concurrency) {
          if (!self.paused) {
            if (queueTail === queueHead) {
              queueTail = null;
            }
            queueHead = next.next;
            next.next = null;
            worker.call(context, next.value, next.worked);
            if (queueTail === null) {
              self.empty();
            }
          } else {
            _running--;
          }
        } else if (--_running === 0) {
          self.drain();
        }
      }
      function kill() {
        queueHead = null;
        queueTail = null;
        self.drain = noop;
      }
      function killAndDrain() {
        queueHead = null;
        queueTail = null;
        self.drain();
        self.drain = noop;
      }
      function abort() {
        var current = queueHead;
        queueHead = null;
        queueTail = null;
        while (current) {
          var next = current.next;
          var callback = current.callback;
          var errorHandler2 = current.errorHandler;
          var val = current.value;
          var context2 = current.context;
          current.value = null;
          current.callback = noop;
          current.errorHandler = null;
          current.next = null;
          if (errorHandler2) {
            errorHandler2(new Error("abort"), val);
          }
          callback.call(context2, new Error("abort"));
          cache.release(current);
          current = next;
        }
        self.drain = noop;
      }
      function error(handler) {
        errorHandler = handler;
      }
    }
    function noop() {
    }
    function Task() {
      this.value = null;
      this.callback = noop;
      this.next = null;
      this.release = noop;
      this.context = null;
      this.errorHandler = null;
      var self = this;
      this.worked = function worked(err, result) {
        var callback = self.callback;
        var errorHandler = self.errorHandler;
        var val = self.value;
        self.value = null;
        self.callback = noop;
        if (self.errorHandler) {
          errorHandler(err, val);
        }
        callback.call(self.context, err, result);
        self.release(self);
      };
    }
    function queueAsPromised(context, worker, _concurrency) {
      if (typeof context === "function") {
        _concurrency = worker;
        worker = context;
        context = null;
      }
      function asyncWrapper(arg, cb) {
        worker.call(this, arg).then(function(res) {
          cb(null, res);
        }, cb);
      }
      var queue = fastqueue(context, asyncWrapper, _concurrency);
      var pushCb = queue.push;
      var unshiftCb = queue.unshift;
      queue.push = push;
      queue.unshift = unshift;
      queue.drained = drained;
      return queue;
      function push(value) {
        var p = new Promise(function(resolve, reject) {
          pushCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function unshift(value) {
        var p = new Promise(function(resolve, reject) {
          unshiftCb(value, function(err, result) {
            if (err) {
              reject(err);
              return;
            }
            resolve(result);
          });
        });
        p.catch(noop);
        return p;
      }
      function drained() {
        var p = new Promise(function(resolve) {
          process.nextTick(function() {
            if (queue.idle()) {
              resolve();
            } else {
              var previousDrain = queue.drain;
              queue.drain = function() {
                if (typeof previousDrain === "function") previousDrain();
                resolve();
                queue.drain = previousDrain;
              };
            }
          });
        });
        return p;
      }
    }
    module.exports = fastqueue;
    module.exports.promise = queueAsPromised;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/common.js
var require_common2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.joinPathSegments = exports.replacePathSegmentSeparator = exports.isAppliedFilter = exports.isFatalError = void 0;
    function isFatalError(settings, error) {
      if (settings.errorFilter === null) {
        return true;
      }
      return !settings.errorFilter(error);
    }
    exports.isFatalError = isFatalError;
    function isAppliedFilter(filter, value) {
      return filter === null || filter(value);
    }
    exports.isAppliedFilter = isAppliedFilter;
    function replacePathSegmentSeparator(filepath, separator) {
      return filepath.split(/[/\\]/).join(separator);
    }
    exports.replacePathSegmentSeparator = replacePathSegmentSeparator;
    function joinPathSegments(a, b, separator) {
      if (a === "") {
        return b;
      }
      if (a.endsWith(separator)) {
        return a + b;
      }
      return a + separator + b;
    }
    exports.joinPathSegments = joinPathSegments;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/reader.js
var require_reader = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var common = require_common2();
    var Reader = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._root = common.replacePathSegmentSeparator(_root, _settings.pathSegmentSeparator);
      }
    };
    exports.default = Reader;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/async.js
var require_async3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var events_1 = __require("events");
    var fsScandir = require_out2();
    var fastq = require_queue();
    var common = require_common2();
    var reader_1 = require_reader();
    var AsyncReader = class extends reader_1.default {
      constructor(_root, _settings) {
        super(_root, _settings);
        this._settings = _settings;
        this._scandir = fsScandir.scandir;
        this._emitter = new events_1.EventEmitter();
        this._queue = fastq(this._worker.bind(this), this._settings.concurrency);
        this._isFatalError = false;
        this._isDestroyed = false;
        this._queue.drain = () => {
          if (!this._isFatalError) {
            this._emitter.emit("end");
          }
        };
      }
      read() {
        this._isFatalError = false;
        this._isDestroyed = false;
        setImmediate(() => {
          this._pushToQueue(this._root, this._settings.basePath);
        });
        return this._emitter;
      }
      get isDestroyed() {
        return this._isDestroyed;
      }
      destroy() {
        if (this._isDestroyed) {
          throw new Error("The reader is already destroyed");
        }
        this._isDestroyed = true;
        this._queue.killAndDrain();
      }
      onEntry(callback) {
        this._emitter.on("entry", callback);
      }
      onError(callback) {
        this._emitter.once("error", callback);
      }
      onEnd(callback) {
        this._emitter.once("end", callback);
      }
      _pushToQueue(directory, base) {
        const queueItem = { directory, base };
        this._queue.push(queueItem, (error) => {
          if (error !== null) {
            this._handleError(error);
          }
        });
      }
      _worker(item, done2) {
        this._scandir(item.directory, this._settings.fsScandirSettings, (error, entries) => {
          if (error !== null) {
            done2(error, void 0);
            return;
          }
          for (const entry2 of entries) {
            this._handleEntry(entry2, item.base);
          }
          done2(null, void 0);
        });
      }
      _handleError(error) {
        if (this._isDestroyed || !common.isFatalError(this._settings, error)) {
          return;
        }
        this._isFatalError = true;
        this._isDestroyed = true;
        this._emitter.emit("error", error);
      }
      _handleEntry(entry2, base) {
        if (this._isDestroyed || this._isFatalError) {
          return;
        }
        const fullpath = entry2.path;
        if (base !== void 0) {
          entry2.path = common.joinPathSegments(base, entry2.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry2)) {
          this._emitEntry(entry2);
        }
        if (entry2.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry2)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry2.path);
        }
      }
      _emitEntry(entry2) {
        this._emitter.emit("entry", entry2);
      }
    };
    exports.default = AsyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/async.js
var require_async4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async3();
    var AsyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._storage = [];
      }
      read(callback) {
        this._reader.onError((error) => {
          callFailureCallback(callback, error);
        });
        this._reader.onEntry((entry2) => {
          this._storage.push(entry2);
        });
        this._reader.onEnd(() => {
          callSuccessCallback(callback, this._storage);
        });
        this._reader.read();
      }
    };
    exports.default = AsyncProvider;
    function callFailureCallback(callback, error) {
      callback(error);
    }
    function callSuccessCallback(callback, entries) {
      callback(null, entries);
    }
  }
});

// node_modules/@nodelib/fs.walk/out/providers/stream.js
var require_stream2 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var async_1 = require_async3();
    var StreamProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new async_1.default(this._root, this._settings);
        this._stream = new stream_1.Readable({
          objectMode: true,
          read: () => {
          },
          destroy: () => {
            if (!this._reader.isDestroyed) {
              this._reader.destroy();
            }
          }
        });
      }
      read() {
        this._reader.onError((error) => {
          this._stream.emit("error", error);
        });
        this._reader.onEntry((entry2) => {
          this._stream.push(entry2);
        });
        this._reader.onEnd(() => {
          this._stream.push(null);
        });
        this._reader.read();
        return this._stream;
      }
    };
    exports.default = StreamProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/readers/sync.js
var require_sync3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsScandir = require_out2();
    var common = require_common2();
    var reader_1 = require_reader();
    var SyncReader = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._scandir = fsScandir.scandirSync;
        this._storage = [];
        this._queue = /* @__PURE__ */ new Set();
      }
      read() {
        this._pushToQueue(this._root, this._settings.basePath);
        this._handleQueue();
        return this._storage;
      }
      _pushToQueue(directory, base) {
        this._queue.add({ directory, base });
      }
      _handleQueue() {
        for (const item of this._queue.values()) {
          this._handleDirectory(item.directory, item.base);
        }
      }
      _handleDirectory(directory, base) {
        try {
          const entries = this._scandir(directory, this._settings.fsScandirSettings);
          for (const entry2 of entries) {
            this._handleEntry(entry2, base);
          }
        } catch (error) {
          this._handleError(error);
        }
      }
      _handleError(error) {
        if (!common.isFatalError(this._settings, error)) {
          return;
        }
        throw error;
      }
      _handleEntry(entry2, base) {
        const fullpath = entry2.path;
        if (base !== void 0) {
          entry2.path = common.joinPathSegments(base, entry2.name, this._settings.pathSegmentSeparator);
        }
        if (common.isAppliedFilter(this._settings.entryFilter, entry2)) {
          this._pushToStorage(entry2);
        }
        if (entry2.dirent.isDirectory() && common.isAppliedFilter(this._settings.deepFilter, entry2)) {
          this._pushToQueue(fullpath, base === void 0 ? void 0 : entry2.path);
        }
      }
      _pushToStorage(entry2) {
        this._storage.push(entry2);
      }
    };
    exports.default = SyncReader;
  }
});

// node_modules/@nodelib/fs.walk/out/providers/sync.js
var require_sync4 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync3();
    var SyncProvider = class {
      constructor(_root, _settings) {
        this._root = _root;
        this._settings = _settings;
        this._reader = new sync_1.default(this._root, this._settings);
      }
      read() {
        return this._reader.read();
      }
    };
    exports.default = SyncProvider;
  }
});

// node_modules/@nodelib/fs.walk/out/settings.js
var require_settings3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path9 = __require("path");
    var fsScandir = require_out2();
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.basePath = this._getValue(this._options.basePath, void 0);
        this.concurrency = this._getValue(this._options.concurrency, Number.POSITIVE_INFINITY);
        this.deepFilter = this._getValue(this._options.deepFilter, null);
        this.entryFilter = this._getValue(this._options.entryFilter, null);
        this.errorFilter = this._getValue(this._options.errorFilter, null);
        this.pathSegmentSeparator = this._getValue(this._options.pathSegmentSeparator, path9.sep);
        this.fsScandirSettings = new fsScandir.Settings({
          followSymbolicLinks: this._options.followSymbolicLinks,
          fs: this._options.fs,
          pathSegmentSeparator: this._options.pathSegmentSeparator,
          stats: this._options.stats,
          throwErrorOnBrokenSymbolicLink: this._options.throwErrorOnBrokenSymbolicLink
        });
      }
      _getValue(option, value) {
        return option !== null && option !== void 0 ? option : value;
      }
    };
    exports.default = Settings;
  }
});

// node_modules/@nodelib/fs.walk/out/index.js
var require_out3 = __commonJS({
  "node_modules/@nodelib/fs.walk/out/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Settings = exports.walkStream = exports.walkSync = exports.walk = void 0;
    var async_1 = require_async4();
    var stream_1 = require_stream2();
    var sync_1 = require_sync4();
    var settings_1 = require_settings3();
    exports.Settings = settings_1.default;
    function walk2(directory, optionsOrSettingsOrCallback, callback) {
      if (typeof optionsOrSettingsOrCallback === "function") {
        new async_1.default(directory, getSettings()).read(optionsOrSettingsOrCallback);
        return;
      }
      new async_1.default(directory, getSettings(optionsOrSettingsOrCallback)).read(callback);
    }
    exports.walk = walk2;
    function walkSync(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new sync_1.default(directory, settings);
      return provider.read();
    }
    exports.walkSync = walkSync;
    function walkStream(directory, optionsOrSettings) {
      const settings = getSettings(optionsOrSettings);
      const provider = new stream_1.default(directory, settings);
      return provider.read();
    }
    exports.walkStream = walkStream;
    function getSettings(settingsOrOptions = {}) {
      if (settingsOrOptions instanceof settings_1.default) {
        return settingsOrOptions;
      }
      return new settings_1.default(settingsOrOptions);
    }
  }
});

// node_modules/fast-glob/out/readers/reader.js
var require_reader2 = __commonJS({
  "node_modules/fast-glob/out/readers/reader.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path9 = __require("path");
    var fsStat = require_out();
    var utils = require_utils3();
    var Reader = class {
      constructor(_settings) {
        this._settings = _settings;
        this._fsStatSettings = new fsStat.Settings({
          followSymbolicLink: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          throwErrorOnBrokenSymbolicLink: this._settings.followSymbolicLinks
        });
      }
      _getFullEntryPath(filepath) {
        return path9.resolve(this._settings.cwd, filepath);
      }
      _makeEntry(stats, pattern) {
        const entry2 = {
          name: pattern,
          path: pattern,
          dirent: utils.fs.createDirentFromStats(pattern, stats)
        };
        if (this._settings.stats) {
          entry2.stats = stats;
        }
        return entry2;
      }
      _isFatalError(error) {
        return !utils.errno.isEnoentCodeError(error) && !this._settings.suppressErrors;
      }
    };
    exports.default = Reader;
  }
});

// node_modules/fast-glob/out/readers/stream.js
var require_stream3 = __commonJS({
  "node_modules/fast-glob/out/readers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderStream = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkStream = fsWalk.walkStream;
        this._stat = fsStat.stat;
      }
      dynamic(root, options) {
        return this._walkStream(root, options);
      }
      static(patterns, options) {
        const filepaths = patterns.map(this._getFullEntryPath, this);
        const stream = new stream_1.PassThrough({ objectMode: true });
        stream._write = (index, _enc, done2) => {
          return this._getEntry(filepaths[index], patterns[index], options).then((entry2) => {
            if (entry2 !== null && options.entryFilter(entry2)) {
              stream.push(entry2);
            }
            if (index === filepaths.length - 1) {
              stream.end();
            }
            done2();
          }).catch(done2);
        };
        for (let i = 0; i < filepaths.length; i++) {
          stream.write(i);
        }
        return stream;
      }
      _getEntry(filepath, pattern, options) {
        return this._getStat(filepath).then((stats) => this._makeEntry(stats, pattern)).catch((error) => {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        });
      }
      _getStat(filepath) {
        return new Promise((resolve, reject) => {
          this._stat(filepath, this._fsStatSettings, (error, stats) => {
            return error === null ? resolve(stats) : reject(error);
          });
        });
      }
    };
    exports.default = ReaderStream;
  }
});

// node_modules/fast-glob/out/readers/async.js
var require_async5 = __commonJS({
  "node_modules/fast-glob/out/readers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var stream_1 = require_stream3();
    var ReaderAsync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkAsync = fsWalk.walk;
        this._readerStream = new stream_1.default(this._settings);
      }
      dynamic(root, options) {
        return new Promise((resolve, reject) => {
          this._walkAsync(root, options, (error, entries) => {
            if (error === null) {
              resolve(entries);
            } else {
              reject(error);
            }
          });
        });
      }
      async static(patterns, options) {
        const entries = [];
        const stream = this._readerStream.static(patterns, options);
        return new Promise((resolve, reject) => {
          stream.once("error", reject);
          stream.on("data", (entry2) => entries.push(entry2));
          stream.once("end", () => resolve(entries));
        });
      }
    };
    exports.default = ReaderAsync;
  }
});

// node_modules/fast-glob/out/providers/matchers/matcher.js
var require_matcher = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/matcher.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var Matcher = class {
      constructor(_patterns, _settings, _micromatchOptions) {
        this._patterns = _patterns;
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this._storage = [];
        this._fillStorage();
      }
      _fillStorage() {
        for (const pattern of this._patterns) {
          const segments = this._getPatternSegments(pattern);
          const sections = this._splitSegmentsIntoSections(segments);
          this._storage.push({
            complete: sections.length <= 1,
            pattern,
            segments,
            sections
          });
        }
      }
      _getPatternSegments(pattern) {
        const parts = utils.pattern.getPatternParts(pattern, this._micromatchOptions);
        return parts.map((part) => {
          const dynamic = utils.pattern.isDynamicPattern(part, this._settings);
          if (!dynamic) {
            return {
              dynamic: false,
              pattern: part
            };
          }
          return {
            dynamic: true,
            pattern: part,
            patternRe: utils.pattern.makeRe(part, this._micromatchOptions)
          };
        });
      }
      _splitSegmentsIntoSections(segments) {
        return utils.array.splitWhen(segments, (segment) => segment.dynamic && utils.pattern.hasGlobStar(segment.pattern));
      }
    };
    exports.default = Matcher;
  }
});

// node_modules/fast-glob/out/providers/matchers/partial.js
var require_partial = __commonJS({
  "node_modules/fast-glob/out/providers/matchers/partial.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var matcher_1 = require_matcher();
    var PartialMatcher = class extends matcher_1.default {
      match(filepath) {
        const parts = filepath.split("/");
        const levels = parts.length;
        const patterns = this._storage.filter((info) => !info.complete || info.segments.length > levels);
        for (const pattern of patterns) {
          const section = pattern.sections[0];
          if (!pattern.complete && levels > section.length) {
            return true;
          }
          const match2 = parts.every((part, index) => {
            const segment = pattern.segments[index];
            if (segment.dynamic && segment.patternRe.test(part)) {
              return true;
            }
            if (!segment.dynamic && segment.pattern === part) {
              return true;
            }
            return false;
          });
          if (match2) {
            return true;
          }
        }
        return false;
      }
    };
    exports.default = PartialMatcher;
  }
});

// node_modules/fast-glob/out/providers/filters/deep.js
var require_deep = __commonJS({
  "node_modules/fast-glob/out/providers/filters/deep.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var partial_1 = require_partial();
    var DeepFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
      }
      getFilter(basePath, positive, negative) {
        const matcher = this._getMatcher(positive);
        const negativeRe = this._getNegativePatternsRe(negative);
        return (entry2) => this._filter(basePath, entry2, matcher, negativeRe);
      }
      _getMatcher(patterns) {
        return new partial_1.default(patterns, this._settings, this._micromatchOptions);
      }
      _getNegativePatternsRe(patterns) {
        const affectDepthOfReadingPatterns = patterns.filter(utils.pattern.isAffectDepthOfReadingPattern);
        return utils.pattern.convertPatternsToRe(affectDepthOfReadingPatterns, this._micromatchOptions);
      }
      _filter(basePath, entry2, matcher, negativeRe) {
        if (this._isSkippedByDeep(basePath, entry2.path)) {
          return false;
        }
        if (this._isSkippedSymbolicLink(entry2)) {
          return false;
        }
        const filepath = utils.path.removeLeadingDotSegment(entry2.path);
        if (this._isSkippedByPositivePatterns(filepath, matcher)) {
          return false;
        }
        return this._isSkippedByNegativePatterns(filepath, negativeRe);
      }
      _isSkippedByDeep(basePath, entryPath) {
        if (this._settings.deep === Infinity) {
          return false;
        }
        return this._getEntryLevel(basePath, entryPath) >= this._settings.deep;
      }
      _getEntryLevel(basePath, entryPath) {
        const entryPathDepth = entryPath.split("/").length;
        if (basePath === "") {
          return entryPathDepth;
        }
        const basePathDepth = basePath.split("/").length;
        return entryPathDepth - basePathDepth;
      }
      _isSkippedSymbolicLink(entry2) {
        return !this._settings.followSymbolicLinks && entry2.dirent.isSymbolicLink();
      }
      _isSkippedByPositivePatterns(entryPath, matcher) {
        return !this._settings.baseNameMatch && !matcher.match(entryPath);
      }
      _isSkippedByNegativePatterns(entryPath, patternsRe) {
        return !utils.pattern.matchAny(entryPath, patternsRe);
      }
    };
    exports.default = DeepFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/entry.js
var require_entry = __commonJS({
  "node_modules/fast-glob/out/providers/filters/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryFilter = class {
      constructor(_settings, _micromatchOptions) {
        this._settings = _settings;
        this._micromatchOptions = _micromatchOptions;
        this.index = /* @__PURE__ */ new Map();
      }
      getFilter(positive, negative) {
        const [absoluteNegative, relativeNegative] = utils.pattern.partitionAbsoluteAndRelative(negative);
        const patterns = {
          positive: {
            all: utils.pattern.convertPatternsToRe(positive, this._micromatchOptions)
          },
          negative: {
            absolute: utils.pattern.convertPatternsToRe(absoluteNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true })),
            relative: utils.pattern.convertPatternsToRe(relativeNegative, Object.assign(Object.assign({}, this._micromatchOptions), { dot: true }))
          }
        };
        return (entry2) => this._filter(entry2, patterns);
      }
      _filter(entry2, patterns) {
        const filepath = utils.path.removeLeadingDotSegment(entry2.path);
        if (this._settings.unique && this._isDuplicateEntry(filepath)) {
          return false;
        }
        if (this._onlyFileFilter(entry2) || this._onlyDirectoryFilter(entry2)) {
          return false;
        }
        const isMatched = this._isMatchToPatternsSet(filepath, patterns, entry2.dirent.isDirectory());
        if (this._settings.unique && isMatched) {
          this._createIndexRecord(filepath);
        }
        return isMatched;
      }
      _isDuplicateEntry(filepath) {
        return this.index.has(filepath);
      }
      _createIndexRecord(filepath) {
        this.index.set(filepath, void 0);
      }
      _onlyFileFilter(entry2) {
        return this._settings.onlyFiles && !entry2.dirent.isFile();
      }
      _onlyDirectoryFilter(entry2) {
        return this._settings.onlyDirectories && !entry2.dirent.isDirectory();
      }
      _isMatchToPatternsSet(filepath, patterns, isDirectory) {
        const isMatched = this._isMatchToPatterns(filepath, patterns.positive.all, isDirectory);
        if (!isMatched) {
          return false;
        }
        const isMatchedByRelativeNegative = this._isMatchToPatterns(filepath, patterns.negative.relative, isDirectory);
        if (isMatchedByRelativeNegative) {
          return false;
        }
        const isMatchedByAbsoluteNegative = this._isMatchToAbsoluteNegative(filepath, patterns.negative.absolute, isDirectory);
        if (isMatchedByAbsoluteNegative) {
          return false;
        }
        return true;
      }
      _isMatchToAbsoluteNegative(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const fullpath = utils.path.makeAbsolute(this._settings.cwd, filepath);
        return this._isMatchToPatterns(fullpath, patternsRe, isDirectory);
      }
      _isMatchToPatterns(filepath, patternsRe, isDirectory) {
        if (patternsRe.length === 0) {
          return false;
        }
        const isMatched = utils.pattern.matchAny(filepath, patternsRe);
        if (!isMatched && isDirectory) {
          return utils.pattern.matchAny(filepath + "/", patternsRe);
        }
        return isMatched;
      }
    };
    exports.default = EntryFilter;
  }
});

// node_modules/fast-glob/out/providers/filters/error.js
var require_error = __commonJS({
  "node_modules/fast-glob/out/providers/filters/error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var ErrorFilter = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getFilter() {
        return (error) => this._isNonFatalError(error);
      }
      _isNonFatalError(error) {
        return utils.errno.isEnoentCodeError(error) || this._settings.suppressErrors;
      }
    };
    exports.default = ErrorFilter;
  }
});

// node_modules/fast-glob/out/providers/transformers/entry.js
var require_entry2 = __commonJS({
  "node_modules/fast-glob/out/providers/transformers/entry.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var utils = require_utils3();
    var EntryTransformer = class {
      constructor(_settings) {
        this._settings = _settings;
      }
      getTransformer() {
        return (entry2) => this._transform(entry2);
      }
      _transform(entry2) {
        let filepath = entry2.path;
        if (this._settings.absolute) {
          filepath = utils.path.makeAbsolute(this._settings.cwd, filepath);
          filepath = utils.path.unixify(filepath);
        }
        if (this._settings.markDirectories && entry2.dirent.isDirectory()) {
          filepath += "/";
        }
        if (!this._settings.objectMode) {
          return filepath;
        }
        return Object.assign(Object.assign({}, entry2), { path: filepath });
      }
    };
    exports.default = EntryTransformer;
  }
});

// node_modules/fast-glob/out/providers/provider.js
var require_provider = __commonJS({
  "node_modules/fast-glob/out/providers/provider.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var path9 = __require("path");
    var deep_1 = require_deep();
    var entry_1 = require_entry();
    var error_1 = require_error();
    var entry_2 = require_entry2();
    var Provider = class {
      constructor(_settings) {
        this._settings = _settings;
        this.errorFilter = new error_1.default(this._settings);
        this.entryFilter = new entry_1.default(this._settings, this._getMicromatchOptions());
        this.deepFilter = new deep_1.default(this._settings, this._getMicromatchOptions());
        this.entryTransformer = new entry_2.default(this._settings);
      }
      _getRootDirectory(task) {
        return path9.resolve(this._settings.cwd, task.base);
      }
      _getReaderOptions(task) {
        const basePath = task.base === "." ? "" : task.base;
        return {
          basePath,
          pathSegmentSeparator: "/",
          concurrency: this._settings.concurrency,
          deepFilter: this.deepFilter.getFilter(basePath, task.positive, task.negative),
          entryFilter: this.entryFilter.getFilter(task.positive, task.negative),
          errorFilter: this.errorFilter.getFilter(),
          followSymbolicLinks: this._settings.followSymbolicLinks,
          fs: this._settings.fs,
          stats: this._settings.stats,
          throwErrorOnBrokenSymbolicLink: this._settings.throwErrorOnBrokenSymbolicLink,
          transform: this.entryTransformer.getTransformer()
        };
      }
      _getMicromatchOptions() {
        return {
          dot: this._settings.dot,
          matchBase: this._settings.baseNameMatch,
          nobrace: !this._settings.braceExpansion,
          nocase: !this._settings.caseSensitiveMatch,
          noext: !this._settings.extglob,
          noglobstar: !this._settings.globstar,
          posix: true,
          strictSlashes: false
        };
      }
    };
    exports.default = Provider;
  }
});

// node_modules/fast-glob/out/providers/async.js
var require_async6 = __commonJS({
  "node_modules/fast-glob/out/providers/async.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var async_1 = require_async5();
    var provider_1 = require_provider();
    var ProviderAsync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new async_1.default(this._settings);
      }
      async read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = await this.api(root, task, options);
        return entries.map((entry2) => options.transform(entry2));
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderAsync;
  }
});

// node_modules/fast-glob/out/providers/stream.js
var require_stream4 = __commonJS({
  "node_modules/fast-glob/out/providers/stream.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var stream_1 = __require("stream");
    var stream_2 = require_stream3();
    var provider_1 = require_provider();
    var ProviderStream = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new stream_2.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const source = this.api(root, task, options);
        const destination = new stream_1.Readable({ objectMode: true, read: () => {
        } });
        source.once("error", (error) => destination.emit("error", error)).on("data", (entry2) => destination.emit("data", options.transform(entry2))).once("end", () => destination.emit("end"));
        destination.once("close", () => source.destroy());
        return destination;
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderStream;
  }
});

// node_modules/fast-glob/out/readers/sync.js
var require_sync5 = __commonJS({
  "node_modules/fast-glob/out/readers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var fsStat = require_out();
    var fsWalk = require_out3();
    var reader_1 = require_reader2();
    var ReaderSync = class extends reader_1.default {
      constructor() {
        super(...arguments);
        this._walkSync = fsWalk.walkSync;
        this._statSync = fsStat.statSync;
      }
      dynamic(root, options) {
        return this._walkSync(root, options);
      }
      static(patterns, options) {
        const entries = [];
        for (const pattern of patterns) {
          const filepath = this._getFullEntryPath(pattern);
          const entry2 = this._getEntry(filepath, pattern, options);
          if (entry2 === null || !options.entryFilter(entry2)) {
            continue;
          }
          entries.push(entry2);
        }
        return entries;
      }
      _getEntry(filepath, pattern, options) {
        try {
          const stats = this._getStat(filepath);
          return this._makeEntry(stats, pattern);
        } catch (error) {
          if (options.errorFilter(error)) {
            return null;
          }
          throw error;
        }
      }
      _getStat(filepath) {
        return this._statSync(filepath, this._fsStatSettings);
      }
    };
    exports.default = ReaderSync;
  }
});

// node_modules/fast-glob/out/providers/sync.js
var require_sync6 = __commonJS({
  "node_modules/fast-glob/out/providers/sync.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    var sync_1 = require_sync5();
    var provider_1 = require_provider();
    var ProviderSync = class extends provider_1.default {
      constructor() {
        super(...arguments);
        this._reader = new sync_1.default(this._settings);
      }
      read(task) {
        const root = this._getRootDirectory(task);
        const options = this._getReaderOptions(task);
        const entries = this.api(root, task, options);
        return entries.map(options.transform);
      }
      api(root, task, options) {
        if (task.dynamic) {
          return this._reader.dynamic(root, options);
        }
        return this._reader.static(task.patterns, options);
      }
    };
    exports.default = ProviderSync;
  }
});

// node_modules/fast-glob/out/settings.js
var require_settings4 = __commonJS({
  "node_modules/fast-glob/out/settings.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = void 0;
    var fs = __require("fs");
    var os = __require("os");
    var CPU_COUNT = Math.max(os.cpus().length, 1);
    exports.DEFAULT_FILE_SYSTEM_ADAPTER = {
      lstat: fs.lstat,
      lstatSync: fs.lstatSync,
      stat: fs.stat,
      statSync: fs.statSync,
      readdir: fs.readdir,
      readdirSync: fs.readdirSync
    };
    var Settings = class {
      constructor(_options = {}) {
        this._options = _options;
        this.absolute = this._getValue(this._options.absolute, false);
        this.baseNameMatch = this._getValue(this._options.baseNameMatch, false);
        this.braceExpansion = this._getValue(this._options.braceExpansion, true);
        this.caseSensitiveMatch = this._getValue(this._options.caseSensitiveMatch, true);
        this.concurrency = this._getValue(this._options.concurrency, CPU_COUNT);
        this.cwd = this._getValue(this._options.cwd, process.cwd());
        this.deep = this._getValue(this._options.deep, Infinity);
        this.dot = this._getValue(this._options.dot, false);
        this.extglob = this._getValue(this._options.extglob, true);
        this.followSymbolicLinks = this._getValue(this._options.followSymbolicLinks, true);
        this.fs = this._getFileSystemMethods(this._options.fs);
        this.globstar = this._getValue(this._options.globstar, true);
        this.ignore = this._getValue(this._options.ignore, []);
        this.markDirectories = this._getValue(this._options.markDirectories, false);
        this.objectMode = this._getValue(this._options.objectMode, false);
        this.onlyDirectories = this._getValue(this._options.onlyDirectories, false);
        this.onlyFiles = this._getValue(this._options.onlyFiles, true);
        this.stats = this._getValue(this._options.stats, false);
        this.suppressErrors = this._getValue(this._options.suppressErrors, false);
        this.throwErrorOnBrokenSymbolicLink = this._getValue(this._options.throwErrorOnBrokenSymbolicLink, false);
        this.unique = this._getValue(this._options.unique, true);
        if (this.onlyDirectories) {
          this.onlyFiles = false;
        }
        if (this.stats) {
          this.objectMode = true;
        }
        this.ignore = [].concat(this.ignore);
      }
      _getValue(option, value) {
        return option === void 0 ? value : option;
      }
      _getFileSystemMethods(methods = {}) {
        return Object.assign(Object.assign({}, exports.DEFAULT_FILE_SYSTEM_ADAPTER), methods);
      }
    };
    exports.default = Settings;
  }
});

// node_modules/fast-glob/out/index.js
var require_out4 = __commonJS({
  "node_modules/fast-glob/out/index.js"(exports, module) {
    "use strict";
    var taskManager = require_tasks();
    var async_1 = require_async6();
    var stream_1 = require_stream4();
    var sync_1 = require_sync6();
    var settings_1 = require_settings4();
    var utils = require_utils3();
    async function FastGlob(source, options) {
      assertPatternsInput(source);
      const works = getWorks(source, async_1.default, options);
      const result = await Promise.all(works);
      return utils.array.flatten(result);
    }
    (function(FastGlob2) {
      FastGlob2.glob = FastGlob2;
      FastGlob2.globSync = sync;
      FastGlob2.globStream = stream;
      FastGlob2.async = FastGlob2;
      function sync(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, sync_1.default, options);
        return utils.array.flatten(works);
      }
      FastGlob2.sync = sync;
      function stream(source, options) {
        assertPatternsInput(source);
        const works = getWorks(source, stream_1.default, options);
        return utils.stream.merge(works);
      }
      FastGlob2.stream = stream;
      function generateTasks(source, options) {
        assertPatternsInput(source);
        const patterns = [].concat(source);
        const settings = new settings_1.default(options);
        return taskManager.generate(patterns, settings);
      }
      FastGlob2.generateTasks = generateTasks;
      function isDynamicPattern(source, options) {
        assertPatternsInput(source);
        const settings = new settings_1.default(options);
        return utils.pattern.isDynamicPattern(source, settings);
      }
      FastGlob2.isDynamicPattern = isDynamicPattern;
      function escapePath(source) {
        assertPatternsInput(source);
        return utils.path.escape(source);
      }
      FastGlob2.escapePath = escapePath;
      function convertPathToPattern(source) {
        assertPatternsInput(source);
        return utils.path.convertPathToPattern(source);
      }
      FastGlob2.convertPathToPattern = convertPathToPattern;
      let posix;
      (function(posix2) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapePosixPath(source);
        }
        posix2.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertPosixPathToPattern(source);
        }
        posix2.convertPathToPattern = convertPathToPattern2;
      })(posix = FastGlob2.posix || (FastGlob2.posix = {}));
      let win32;
      (function(win322) {
        function escapePath2(source) {
          assertPatternsInput(source);
          return utils.path.escapeWindowsPath(source);
        }
        win322.escapePath = escapePath2;
        function convertPathToPattern2(source) {
          assertPatternsInput(source);
          return utils.path.convertWindowsPathToPattern(source);
        }
        win322.convertPathToPattern = convertPathToPattern2;
      })(win32 = FastGlob2.win32 || (FastGlob2.win32 = {}));
    })(FastGlob || (FastGlob = {}));
    function getWorks(source, _Provider, options) {
      const patterns = [].concat(source);
      const settings = new settings_1.default(options);
      const tasks = taskManager.generate(patterns, settings);
      const provider = new _Provider(settings);
      return tasks.map(provider.read, provider);
    }
    function assertPatternsInput(input) {
      const source = [].concat(input);
      const isValidSource = source.every((item) => utils.string.isString(item) && !utils.string.isEmpty(item));
      if (!isValidSource) {
        throw new TypeError("Patterns must be a string (non empty) or an array of strings");
      }
    }
    module.exports = FastGlob;
  }
});

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "";
    var TRAILING_DOUBLESTAR = "";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match2) => `\\${match2}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match2, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match2,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match2, range, close) => `\\[${range}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at2) => {
      let separator = EMPTY;
      for (let index = at2 + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at2) => {
          if (token.wildcard) {
            lastWildcard = at2;
          }
        });
        run.forEach((token, at2) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at2 === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at2)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match2, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix) => {
      if (body[body.length - 1] === SLASH) {
        prefix = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix.slice(0, -1);
      const last = prefix[prefix.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path9) => {
      const end = path9.length - 1;
      const index = path9.lastIndexOf(
        SLASH,
        path9[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path9 : path9.slice(index + 1);
    };
    var parentOf = (path9) => {
      if (path9.charCodeAt(0) === SLASH_CODE || path9.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path9.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path9.length - 1;
      const cut = path9.lastIndexOf(
        SLASH,
        path9.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path9.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count2 = 0;
      while (str[str.length - count2 - 1] === ESCAPE) {
        count2++;
      }
      return count2 % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path9) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored2 = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path9)) {
            ignored2 = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored: ignored2,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path9, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path9) : path9;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path9
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path9, originalPath, doThrow) => {
      if (!isString(path9)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path9) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path9)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path9) => {
      const first = path9.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path9.length === 1) {
        return true;
      }
      const second = path9.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path9.length === 2 || path9.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache, path9) {
        checkPath(
          path9,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path9 ? this._t(path9, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path9 = convertPath(target);
        if (!path9 || path9.charCodeAt(path9.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path9);
        }
        const dir = this._t(path9, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path9);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path9, cache) {
        if (path9 in cache) {
          return cache[path9];
        }
        const parentPath = parentOf(path9);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path9] = parent && parent.ignored ? parent : this._rules.test(path9, MODE_IGNORE);
      }
      ignores(path9) {
        return this._test(path9, this._ignoreCache, convertPath(path9)).ignored;
      }
      createFilter() {
        return (path9) => !this.ignores(path9);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path9) {
        return this._test(path9, this._testCache, convertPath(path9));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path9) => checkPath(convertPath(path9), path9, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path9) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path9) || isNotRelative(path9);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// src/cli/run-cli.ts
import path8 from "node:path";

// src/config/config.ts
var import_yaml = __toESM(require_dist(), 1);
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";

// src/core/finding.ts
var SEVERITIES = ["error", "warning", "note"];
var SEVERITY_RANK = { error: 3, warning: 2, note: 1 };
function severityRank(severity) {
  return SEVERITY_RANK[severity];
}
function compareFindings(a, b) {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || severityRank(b.severity) - severityRank(a.severity) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

// src/openssh/releases.ts
var RELEASES = [
  "7.4",
  "7.5",
  "7.6",
  "7.7",
  "7.8",
  "7.9",
  "8.0",
  "8.1",
  "8.2",
  "8.3",
  "8.4",
  "8.5",
  "8.6",
  "8.7",
  "8.8",
  "8.9",
  "9.0",
  "9.1",
  "9.2",
  "9.3",
  "9.4",
  "9.5",
  "9.6",
  "9.7",
  "9.8",
  "9.9",
  "10.0",
  "10.1",
  "10.2",
  "10.3",
  "10.4",
  "10.5"
];
var OLDEST_RELEASE = RELEASES[0];
var NEWEST_RELEASE = RELEASES[RELEASES.length - 1];
function isRelease(text) {
  return RELEASES.includes(text);
}
function releaseIndex(release) {
  const index = RELEASES.indexOf(release);
  if (index < 0) throw new Error(`not a covered OpenSSH release: ${release}`);
  return index;
}
function isAtLeast(release, since) {
  return releaseIndex(release) >= releaseIndex(since);
}
function inRange(release, since, removedIn) {
  if (since !== void 0 && !isAtLeast(release, since)) return false;
  if (removedIn !== void 0 && isAtLeast(release, removedIn)) return false;
  return true;
}
function byRelease(changes) {
  return { byRelease: changes };
}
function isVersioned(value) {
  return typeof value === "object" && value !== null && "byRelease" in value;
}
function atRelease(value, release) {
  if (!isVersioned(value)) return value;
  let found;
  let foundIndex = -1;
  const target = releaseIndex(release);
  for (const [from, v] of Object.entries(value.byRelease)) {
    const index = releaseIndex(from);
    if (index <= target && index > foundIndex) {
      found = v;
      foundIndex = index;
    }
  }
  return found;
}
function buildProfile(name, features) {
  return { name, features: new Set(features) };
}
var DEBIAN_BUILD = buildProfile("debian", [
  "pam",
  "krb5",
  "gssapi",
  "lastlog",
  "zlib",
  "pkcs11",
  "debian-patches"
]);
var MINIMAL_BUILD = buildProfile("minimal", ["lastlog", "zlib", "pkcs11"]);
var OPENBSD_BUILD = buildProfile("openbsd", ["lastlog", "zlib", "pkcs11", "rdomain"]);

// src/core/version.ts
var OLDEST_KNOWN_VERSION = parseVersion(OLDEST_RELEASE);
var NEWEST_KNOWN_VERSION = parseVersion(NEWEST_RELEASE);
function parseVersion(text) {
  const match2 = /^(\d{1,2})\.(\d{1,2})(?:p\d+)?$/.exec(text.trim());
  if (!match2) return void 0;
  return { major: Number(match2[1]), minor: Number(match2[2]) };
}
function formatVersion(version) {
  return `${version.major}.${version.minor}`;
}
function compareVersions(a, b) {
  return a.major - b.major || a.minor - b.minor;
}
function atLeast(version, since) {
  return compareReleases(formatVersion(version), since) >= 0;
}
function compareReleases(a, b) {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) throw new Error(`bad version literal ${!left ? a : b}`);
  return compareVersions(left, right);
}

// src/rules/rule.ts
var DEFAULT_POLICY = { minRsaBits: 2048 };
function defineConfigRule(rule) {
  return rule;
}
function defineKeyFileRule(rule) {
  return rule;
}
function defineEngineRule(rule) {
  return rule;
}
function hitAt(line, range, message, help) {
  const column = Math.min(range.start, line.text.length) + 1;
  const endColumn = Math.max(column, Math.min(range.end, line.text.length) + 1);
  const hit = { line: line.number, column, endColumn, message };
  if (help !== void 0) hit.help = help;
  return hit;
}
function directiveHit(directive, message, help, range, related2) {
  const hit = hitAt(directive.line, range ?? { start: directive.keywordRange.start, end: directive.line.text.length }, message, help);
  hit.file = directive.file;
  if (related2 && related2.length > 0) hit.related = related2;
  return hit;
}
function relatedDirective(directive, message) {
  return { file: directive.file, line: directive.line.number, column: directive.keywordRange.start + 1, message };
}
function hitLines(lines, first, last, message, help) {
  const end = lines[last - 1];
  const hit = { line: first, column: 1, endLine: last, endColumn: (end?.text.length ?? 0) + 1, message };
  if (help !== void 0) hit.help = help;
  return hit;
}
function rejectedLines(model, code3) {
  const found = [];
  for (const entry2 of model.lines) {
    if (entry2.status === "rejected" && entry2.rejection.code === code3) {
      found.push({ line: entry2.line, rejection: entry2.rejection });
    }
  }
  return found;
}
function parsedEntries(model) {
  return model.lines.flatMap((l) => l.status === "parsed" ? [{ line: l.line, entry: l.entry }] : []);
}
function quote(text, max = 40) {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return `'${shown}'`;
}

// src/config/config.ts
var ConfigError = class extends Error {
};
var CONFIG_FILE_NAMES = [".sshlint.yml", ".sshlint.yaml", ".github/sshlint.yml", ".github/sshlint.yaml"];
function defaultConfig() {
  return { opensshVersion: NEWEST_KNOWN_VERSION, rules: {}, ignore: [], policy: { ...DEFAULT_POLICY } };
}
function loadConfig(root, explicit) {
  const file = explicit ?? CONFIG_FILE_NAMES.map((name) => path.join(root, name)).find((candidate) => existsSync(candidate));
  if (!file) return defaultConfig();
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${error.message}`);
  }
  return parseConfig(text, file);
}
function parseConfig(text, file) {
  let data;
  try {
    data = (0, import_yaml.parse)(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${error.message}`);
  }
  const config = defaultConfig();
  config.file = file;
  if (data === null || data === void 0) return config;
  if (!isRecord(data)) throw new ConfigError(`${file}: expected a mapping at the top level`);
  for (const [key, value] of Object.entries(data)) {
    switch (key) {
      case "opensshVersion":
        config.opensshVersion = readVersion(file, value);
        break;
      case "rules":
        config.rules = readRules(file, value);
        break;
      case "ignore":
        if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
          throw new ConfigError(`${file}: "ignore" must be a list of path patterns`);
        }
        config.ignore = value;
        break;
      case "policy":
        config.policy = readPolicy(file, value);
        break;
      default:
        throw new ConfigError(`${file}: unknown setting "${key}" (expected opensshVersion, rules, ignore, policy)`);
    }
  }
  return config;
}
function readVersion(source, value) {
  const version = typeof value === "string" || typeof value === "number" ? parseVersion(String(value)) : void 0;
  if (!version) throw new ConfigError(`${source}: OpenSSH version must look like "9.2", got ${JSON.stringify(value)}`);
  if (!isRelease(formatVersion(version))) {
    throw new ConfigError(
      `${source}: OpenSSH ${formatVersion(version)} is not a release sshlint knows (${formatVersion(OLDEST_KNOWN_VERSION)} to ${formatVersion(NEWEST_KNOWN_VERSION)})`
    );
  }
  return version;
}
function readRules(file, value) {
  if (!isRecord(value)) throw new ConfigError(`${file}: "rules" must map rule ids or aliases to off, on, error, warning or note`);
  const settings = {};
  for (const [name, setting] of Object.entries(value)) {
    const normalized = setting === false ? "off" : setting === true ? "on" : setting;
    if (normalized !== "off" && normalized !== "on" && !SEVERITIES.includes(normalized)) {
      throw new ConfigError(`${file}: rule "${name}": expected off, on, error, warning or note, got ${JSON.stringify(setting)}`);
    }
    settings[name] = normalized;
  }
  return settings;
}
function readPolicy(file, value) {
  if (!isRecord(value)) throw new ConfigError(`${file}: "policy" must be a mapping`);
  const policy = { ...DEFAULT_POLICY };
  for (const [key, setting] of Object.entries(value)) {
    if (key !== "minRsaBits") throw new ConfigError(`${file}: unknown policy "${key}" (expected minRsaBits)`);
    if (typeof setting !== "number" || !Number.isInteger(setting) || setting < 1024 || setting > 16384) {
      throw new ConfigError(`${file}: policy.minRsaBits must be a whole number from 1024 to 16384`);
    }
    policy.minRsaBits = setting;
  }
  return policy;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/discover/errors.ts
var UsageError = class extends Error {
  name = "UsageError";
};
var ERROR_CODE_TEXT = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOENT: "no such file or directory",
  ENOTDIR: "not a directory",
  ELOOP: "too many levels of symbolic links",
  EISDIR: "is a directory"
};
function errorCode(error) {
  return error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : void 0;
}
function describeFsError(error) {
  const code3 = errorCode(error);
  if (code3 === void 0) return error instanceof Error ? error.message : String(error);
  return ERROR_CODE_TEXT[code3] ?? code3;
}

// src/core/rule-meta.ts
var PROJECT_URL = "https://github.com/sshlint/sshlint";
function ruleDocsUrl(meta) {
  return `${PROJECT_URL}/blob/main/docs/rules/${meta.id}.md`;
}

// src/docs/rule-docs.ts
function explainRule(rule) {
  const d = rule.docs;
  return [
    `# ${rule.id} ${rule.alias}`,
    "",
    `${d.summary}`,
    "",
    `Category: ${rule.category} · Default severity: ${rule.severity}${rule.enabledByDefault === false ? " · Off by default (enable it in .sshlint.yml)" : ""} · Files: ${rule.kinds.join(", ")}`,
    "",
    "## What it finds",
    "",
    d.what,
    "",
    "## Why it matters",
    "",
    d.why,
    "",
    "## Example",
    "",
    "```",
    d.bad,
    "```",
    "",
    "## Use instead",
    "",
    "```",
    d.good,
    "```",
    "",
    "## Suppress",
    "",
    "```",
    `# sshlint-disable-next-line ${rule.id} -- reason`,
    "```",
    "",
    "## References",
    "",
    ...d.references.map((reference) => `- ${reference}`),
    ""
  ].join("\n");
}

// src/core/source.ts
function createSourceFile(path9, text, hasBom = false) {
  if (text.startsWith("\uFEFF")) {
    text = text.slice(1);
    hasBom = true;
  }
  const lines = [];
  let start = 0;
  let number = 1;
  while (start < text.length) {
    const lf = text.indexOf("\n", start);
    const end = lf === -1 ? text.length : lf;
    const crlf = lf !== -1 && end > start && text.charCodeAt(end - 1) === 13;
    lines.push({ number, text: text.slice(start, crlf ? end - 1 : end), crlf });
    number++;
    start = end + 1;
  }
  return { path: path9, text, hasBom, lines };
}

// src/engine/lint-files.ts
import path7 from "node:path";

// src/parse/config/tokenize-line.ts
var BLANKS = " 	\r\n";
var TRAILING = " 	\r\n\f";
function isIn(set, ch) {
  return ch !== void 0 && set.includes(ch);
}
function strdelim(line, from) {
  let i = from;
  while (i < line.length && !isIn(BLANKS, line[i]) && line[i] !== '"' && line[i] !== "=") i++;
  if (i >= line.length) return { token: line.slice(from), range: { start: from, end: line.length }, next: -1 };
  if (line[i] === '"') {
    const close = line.indexOf('"', i + 1);
    if (close === -1) return null;
    let next2 = close + 1;
    while (isIn(BLANKS, line[next2])) next2++;
    return { token: line.slice(from, i) + line.slice(i + 1, close), range: { start: from, end: close + 1 }, next: next2 };
  }
  const sawEquals = line[i] === "=";
  let next = i + 1;
  while (isIn(BLANKS, line[next])) next++;
  if (!sawEquals && line[next] === "=") {
    next++;
    while (isIn(BLANKS, line[next])) next++;
  }
  return { token: line.slice(from, i), range: { start: from, end: i }, next };
}
function splitArguments(line, from) {
  const args = [];
  let i = from;
  while (i < line.length) {
    if (line[i] === " " || line[i] === "	") {
      i++;
      continue;
    }
    if (line[i] === "#") break;
    const start = i;
    let quote2;
    let quoteStart = -1;
    let value = "";
    for (; i < line.length; i++) {
      const ch = line[i];
      const nextCh = line[i + 1];
      if (ch === "\\") {
        if (nextCh === "'" || nextCh === '"' || nextCh === "\\" || quote2 === void 0 && nextCh === " ") i++;
        value += line[i];
      } else if (quote2 === void 0 && (ch === " " || ch === "	")) {
        break;
      } else if (quote2 === void 0 && (ch === '"' || ch === "'")) {
        quote2 = ch;
        quoteStart = i;
      } else if (quote2 !== void 0 && ch === quote2) {
        quote2 = void 0;
      } else {
        value += ch;
      }
    }
    if (quote2 !== void 0) return { unclosedQuote: quoteStart };
    args.push({ value, range: { start, end: i } });
  }
  return { args };
}
function tokenizeConfigLine(raw) {
  let end = raw.length;
  while (end > 0 && isIn(TRAILING, raw[end - 1])) end--;
  const line = raw.slice(0, end);
  let start = 0;
  while (isIn(" 	\r", line[start])) start++;
  if (start >= line.length) return { kind: "empty" };
  const first = strdelim(line, start);
  if (!first) return { kind: "empty" };
  if (first.token === "" || first.token.startsWith("#")) return { kind: "empty" };
  const keyword = first.token;
  const keywordRange = first.range;
  if (first.next === -1 || first.next >= line.length) return { kind: "no-argument", keyword, keywordRange };
  const split = splitArguments(line, first.next);
  if ("unclosedQuote" in split) return { kind: "invalid-quotes", keyword, keywordRange, quoteStart: split.unclosedQuote };
  return { kind: "directive", keyword, keywordRange, args: split.args, rest: line.slice(first.next), restRange: { start: first.next, end: line.length } };
}

// src/parse/config/parse-config-file.ts
function startsBlock(kind, keyword) {
  const lower2 = keyword.toLowerCase();
  return lower2 === "match" || kind === "ssh_config" && lower2 === "host";
}
function parseConfigFile(source, kind) {
  const lines = [];
  const directives = [];
  let block;
  for (const line of source.lines) {
    const text = line.number === 1 && source.hasBom ? `\uFEFF${line.text}` : line.text;
    const shift = text.length - line.text.length;
    const tokens = tokenizeConfigLine(text);
    if (tokens.kind === "empty") {
      lines.push({ status: "ignored", line });
      continue;
    }
    const keywordRange = { start: Math.max(0, tokens.keywordRange.start - shift), end: Math.max(0, tokens.keywordRange.end - shift) };
    if (tokens.kind === "no-argument") {
      lines.push({ status: "rejected", line, problem: "no-argument", keyword: tokens.keyword, keywordRange });
      continue;
    }
    if (tokens.kind === "invalid-quotes") {
      lines.push({ status: "rejected", line, problem: "invalid-quotes", keyword: tokens.keyword, keywordRange, at: Math.max(0, tokens.quoteStart - shift) });
      continue;
    }
    const directive = {
      file: source.path,
      line,
      keyword: tokens.keyword,
      keywordRange,
      args: tokens.args.map((arg) => ({ value: arg.value, range: { start: arg.range.start - shift, end: arg.range.end - shift } })),
      rest: tokens.rest,
      restRange: { start: tokens.restRange.start - shift, end: tokens.restRange.end - shift }
    };
    if (startsBlock(kind, tokens.keyword)) block = directive;
    else if (block) directive.block = block;
    directives.push(directive);
    lines.push({ status: "directive", line, directive });
  }
  return { kind, source, lines, directives };
}

// src/engine/lint-config-trees.ts
import { existsSync as existsSync2, statSync } from "node:fs";
import path4 from "node:path";

// src/parse/config/config-tree.ts
var MAX_INCLUDE_DEPTH = 16;
async function buildConfigTree(main, resolver) {
  const tree = { main, entries: [], files: [main], problems: [] };
  const expand = async (file, outerBlock, via, chain) => {
    for (const directive of file.directives) {
      const block = isBlockStart(directive, file) ? directive : directive.block ?? outerBlock;
      tree.entries.push(block ? { directive, file, block, via } : { directive, file, via });
      if (directive.keyword.toLowerCase() !== "include") continue;
      for (const arg of directive.args) {
        const found = await resolver.expand(arg.value, file, main);
        if ("outside" in found) {
          tree.problems.push({ code: "outside-repository", directive, file, pattern: arg.value, reason: found.outside });
          continue;
        }
        if (found.files.length === 0) tree.problems.push({ code: "no-match", directive, file, pattern: arg.value });
        for (const path9 of found.files) {
          const included = await resolver.load(path9);
          if (!included) {
            tree.problems.push({ code: "unreadable", directive, file, path: path9 });
            continue;
          }
          if (chain.includes(included) || via.length + 1 > MAX_INCLUDE_DEPTH) {
            tree.problems.push({ code: "too-deep", directive, file });
            continue;
          }
          if (!tree.files.includes(included)) tree.files.push(included);
          await expand(included, block, [...via, directive], [...chain, included]);
        }
      }
    }
  };
  await expand(main, void 0, [], [main]);
  return tree;
}
function isBlockStart(directive, file) {
  const keyword = directive.keyword.toLowerCase();
  return keyword === "match" || file.kind === "ssh_config" && keyword === "host";
}

// src/ssh/key-types.ts
var FAMILIES = [
  { family: "rsa", name: "ssh-rsa", shortName: "RSA", certName: "ssh-rsa-cert-v01@openssh.com", certSince: "5.6" },
  {
    family: "dss",
    name: "ssh-dss",
    shortName: "DSA",
    certName: "ssh-dss-cert-v01@openssh.com",
    certSince: "5.6",
    optionalFrom: "9.8",
    buildFlag: "--enable-dsa-keys",
    removed: "10.0"
  },
  ...["nistp256", "nistp384", "nistp521"].map(
    (curve) => ({
      family: "ecdsa",
      name: `ecdsa-sha2-${curve}`,
      shortName: "ECDSA",
      certName: `ecdsa-sha2-${curve}-cert-v01@openssh.com`,
      curve,
      since: "5.7"
    })
  ),
  {
    family: "ed25519",
    name: "ssh-ed25519",
    shortName: "ED25519",
    certName: "ssh-ed25519-cert-v01@openssh.com",
    since: "6.5"
  },
  {
    family: "ecdsa-sk",
    name: "sk-ecdsa-sha2-nistp256@openssh.com",
    shortName: "ECDSA-SK",
    certName: "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
    curve: "nistp256",
    since: "8.2"
  },
  {
    family: "ed25519-sk",
    name: "sk-ssh-ed25519@openssh.com",
    shortName: "ED25519-SK",
    certName: "sk-ssh-ed25519-cert-v01@openssh.com",
    since: "8.2"
  },
  {
    family: "xmss",
    name: "ssh-xmss@openssh.com",
    shortName: "XMSS",
    certName: "ssh-xmss-cert-v01@openssh.com",
    since: "7.7",
    optionalFrom: "7.7",
    buildFlag: "WITH_XMSS",
    removed: "10.1"
  },
  {
    family: "mldsa44-ed25519",
    name: "ssh-mldsa44-ed25519@openssh.com",
    shortName: "MLDSA44-ED25519",
    certName: "ssh-mldsa44-ed25519-cert-v01@openssh.com",
    since: "10.4"
  }
];
function entry(f, certificate) {
  const { family, curve, removed, optionalFrom, buildFlag } = f;
  const since = certificate ? f.certSince ?? f.since : f.since;
  return {
    name: certificate ? f.certName : f.name,
    family,
    certificate,
    ...curve ? { curve } : {},
    plainName: f.name,
    shortName: certificate ? `${f.shortName}-CERT` : f.shortName,
    ...since ? { since } : {},
    ...removed ? { removed } : {},
    ...optionalFrom ? { optionalFrom } : {},
    ...buildFlag ? { buildFlag } : {}
  };
}
var KEY_TYPES = [
  ...FAMILIES.map((f) => entry(f, false)),
  ...FAMILIES.map((f) => entry(f, true))
];
var SIGNATURE_ALGORITHMS = [
  { name: "rsa-sha2-256", keyType: "ssh-rsa", since: "7.2" },
  { name: "rsa-sha2-512", keyType: "ssh-rsa", since: "7.2" },
  { name: "rsa-sha2-256-cert-v01@openssh.com", keyType: "ssh-rsa-cert-v01@openssh.com", since: "7.8" },
  { name: "rsa-sha2-512-cert-v01@openssh.com", keyType: "ssh-rsa-cert-v01@openssh.com", since: "7.8" },
  {
    name: "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
    keyType: "sk-ecdsa-sha2-nistp256@openssh.com",
    since: "8.4"
  },
  {
    name: "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
    keyType: "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
    since: "10.3"
  }
];
var BY_NAME = new Map(KEY_TYPES.map((t) => [t.name, t]));
var SIGNATURE_BY_NAME = new Map(SIGNATURE_ALGORITHMS.map((s) => [s.name, s]));
function signatureAlgorithmByName(name) {
  return SIGNATURE_BY_NAME.get(name);
}
function keyTypeByName(name, openssh) {
  const alias = SIGNATURE_BY_NAME.get(name);
  const keyType = BY_NAME.get(alias ? alias.keyType : name);
  if (openssh === void 0 || !keyType) return keyType;
  return isKnownIn(keyType, openssh) && (!alias || isKnownIn(alias, openssh)) ? keyType : void 0;
}
function isKnownIn(t, version) {
  const before = (v) => v !== void 0 && compareReleases(version, v) < 0;
  const atOrAfter = (v) => v !== void 0 && compareReleases(version, v) >= 0;
  return !before(t.since) && !atOrAfter(t.removed) && !atOrAfter(t.optionalFrom);
}

// src/openssh/algorithms.ts
var EXTRACTED_RELEASES = ["7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "8.0", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "8.9", "9.0", "9.1", "9.2", "9.3", "9.4", "9.5", "9.6", "9.7", "9.8", "9.9", "10.0", "10.1", "10.2", "10.3", "10.4", "10.5"];
var CIPHER_SPANS = [
  {
    from: "7.4",
    to: "7.5",
    names: [
      "3des-cbc",
      "blowfish-cbc",
      "cast128-cbc",
      "arcfour",
      "arcfour128",
      "arcfour256",
      "aes128-cbc",
      "aes192-cbc",
      "aes256-cbc",
      "rijndael-cbc@lysator.liu.se",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com",
      "chacha20-poly1305@openssh.com"
    ]
  },
  {
    from: "7.6",
    to: "8.4",
    names: [
      "3des-cbc",
      "aes128-cbc",
      "aes192-cbc",
      "aes256-cbc",
      "rijndael-cbc@lysator.liu.se",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com",
      "chacha20-poly1305@openssh.com"
    ]
  },
  {
    from: "8.5",
    to: "10.5",
    names: [
      "3des-cbc",
      "aes128-cbc",
      "aes192-cbc",
      "aes256-cbc",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com",
      "chacha20-poly1305@openssh.com"
    ]
  }
];
var MAC_SPANS = [
  {
    from: "7.4",
    to: "7.5",
    names: [
      "hmac-sha1",
      "hmac-sha1-96",
      "hmac-sha2-256",
      "hmac-sha2-512",
      "hmac-md5",
      "hmac-md5-96",
      "hmac-ripemd160",
      "hmac-ripemd160@openssh.com",
      "umac-64@openssh.com",
      "umac-128@openssh.com",
      "hmac-sha1-etm@openssh.com",
      "hmac-sha1-96-etm@openssh.com",
      "hmac-sha2-256-etm@openssh.com",
      "hmac-sha2-512-etm@openssh.com",
      "hmac-md5-etm@openssh.com",
      "hmac-md5-96-etm@openssh.com",
      "hmac-ripemd160-etm@openssh.com",
      "umac-64-etm@openssh.com",
      "umac-128-etm@openssh.com"
    ]
  },
  {
    from: "7.6",
    to: "10.5",
    names: [
      "hmac-sha1",
      "hmac-sha1-96",
      "hmac-sha2-256",
      "hmac-sha2-512",
      "hmac-md5",
      "hmac-md5-96",
      "umac-64@openssh.com",
      "umac-128@openssh.com",
      "hmac-sha1-etm@openssh.com",
      "hmac-sha1-96-etm@openssh.com",
      "hmac-sha2-256-etm@openssh.com",
      "hmac-sha2-512-etm@openssh.com",
      "hmac-md5-etm@openssh.com",
      "hmac-md5-96-etm@openssh.com",
      "umac-64-etm@openssh.com",
      "umac-128-etm@openssh.com"
    ]
  }
];
var KEX_SPANS = [
  {
    from: "7.4",
    to: "7.9",
    names: [
      "diffie-hellman-group1-sha1",
      "diffie-hellman-group14-sha1",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1",
      "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org"
    ]
  },
  {
    from: "8.0",
    to: "8.4",
    names: [
      "diffie-hellman-group1-sha1",
      "diffie-hellman-group14-sha1",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1",
      "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "sntrup4591761x25519-sha512@tinyssh.org"
    ]
  },
  {
    from: "8.5",
    to: "9.8",
    names: [
      "diffie-hellman-group1-sha1",
      "diffie-hellman-group14-sha1",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1",
      "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "sntrup761x25519-sha512@openssh.com"
    ]
  },
  {
    from: "9.9",
    to: "10.4",
    names: [
      "diffie-hellman-group1-sha1",
      "diffie-hellman-group14-sha1",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1",
      "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "sntrup761x25519-sha512",
      "sntrup761x25519-sha512@openssh.com",
      "mlkem768x25519-sha256"
    ]
  },
  {
    from: "10.5",
    to: "10.5",
    names: [
      "diffie-hellman-group1-sha1",
      "diffie-hellman-group14-sha1",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1",
      "diffie-hellman-group-exchange-sha256",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "mlkem768nistp256-sha256",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "sntrup761x25519-sha512",
      "sntrup761x25519-sha512@openssh.com",
      "mlkem768x25519-sha256"
    ]
  }
];
var KEY_SPANS = [
  {
    from: "7.4",
    to: "7.7",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-rsa-cert-v01@openssh.com",
      "ssh-dss-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com"
    ]
  },
  {
    from: "7.8",
    to: "8.1",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "ssh-dss-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com"
    ]
  },
  {
    from: "8.2",
    to: "8.3",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "ssh-dss-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com"
    ]
  },
  {
    from: "8.4",
    to: "9.1",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "ssh-dss-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com"
    ]
  },
  {
    from: "9.2",
    to: "9.7",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-dss",
      "ssh-dss-cert-v01@openssh.com",
      "ssh-rsa",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-512-cert-v01@openssh.com"
    ]
  },
  {
    from: "9.8",
    to: "10.2",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-rsa",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-512-cert-v01@openssh.com"
    ]
  },
  {
    from: "10.3",
    to: "10.3",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ssh-rsa",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-512-cert-v01@openssh.com"
    ]
  },
  {
    from: "10.4",
    to: "10.5",
    names: [
      "ssh-ed25519",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "ssh-mldsa44-ed25519@openssh.com",
      "ssh-mldsa44-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ssh-rsa",
      "ssh-rsa-cert-v01@openssh.com",
      "rsa-sha2-256",
      "rsa-sha2-256-cert-v01@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-512-cert-v01@openssh.com"
    ]
  }
];
var SIG_SPANS = [
  {
    from: "7.4",
    to: "8.1",
    names: [
      "ssh-ed25519",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521"
    ]
  },
  {
    from: "8.2",
    to: "8.3",
    names: [
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com"
    ]
  },
  {
    from: "8.4",
    to: "9.1",
    names: [
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512",
      "ssh-dss",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com"
    ]
  },
  {
    from: "9.2",
    to: "9.7",
    names: [
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-dss",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512"
    ]
  },
  {
    from: "9.8",
    to: "10.3",
    names: [
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512"
    ]
  },
  {
    from: "10.4",
    to: "10.5",
    names: [
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "ssh-mldsa44-ed25519@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-rsa",
      "rsa-sha2-256",
      "rsa-sha2-512"
    ]
  }
];
var SHORT_NAME_SPANS = [
  {
    from: "7.4",
    to: "8.1",
    names: [
      "ED25519",
      "RSA",
      "DSA",
      "ECDSA"
    ]
  },
  {
    from: "8.2",
    to: "9.1",
    names: [
      "ED25519",
      "ED25519-SK",
      "RSA",
      "DSA",
      "ECDSA",
      "ECDSA-SK"
    ]
  },
  {
    from: "9.2",
    to: "9.7",
    names: [
      "ED25519",
      "ED25519-SK",
      "ECDSA",
      "ECDSA-SK",
      "DSA",
      "RSA"
    ]
  },
  {
    from: "9.8",
    to: "9.8",
    names: [
      "ED25519",
      "ED25519-SK",
      "ECDSA",
      "ECDSA-SK",
      "RSA"
    ]
  }
];
var DEFAULT_SERVER_CIPHER_SPANS = [
  {
    from: "7.4",
    to: "9.9",
    names: [
      "chacha20-poly1305@openssh.com",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com"
    ]
  },
  {
    from: "10.0",
    to: "10.5",
    names: [
      "chacha20-poly1305@openssh.com",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr"
    ]
  }
];
var DEFAULT_SERVER_MAC_SPANS = [
  {
    from: "7.4",
    to: "10.5",
    names: [
      "umac-64-etm@openssh.com",
      "umac-128-etm@openssh.com",
      "hmac-sha2-256-etm@openssh.com",
      "hmac-sha2-512-etm@openssh.com",
      "hmac-sha1-etm@openssh.com",
      "umac-64@openssh.com",
      "umac-128@openssh.com",
      "hmac-sha2-256",
      "hmac-sha2-512",
      "hmac-sha1"
    ]
  }
];
var DEFAULT_SERVER_KEX_SPANS = [
  {
    from: "7.4",
    to: "8.1",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group14-sha1"
    ]
  },
  {
    from: "8.2",
    to: "8.8",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "8.9",
    to: "8.9",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "sntrup761x25519-sha512@openssh.com",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "9.0",
    to: "9.8",
    names: [
      "sntrup761x25519-sha512@openssh.com",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "9.9",
    to: "9.9",
    names: [
      "sntrup761x25519-sha512",
      "sntrup761x25519-sha512@openssh.com",
      "mlkem768x25519-sha256",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "10.0",
    to: "10.5",
    names: [
      "mlkem768x25519-sha256",
      "sntrup761x25519-sha512",
      "sntrup761x25519-sha512@openssh.com",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521"
    ]
  }
];
var DEFAULT_SERVER_KEY_SPANS = [
  {
    from: "7.4",
    to: "7.7",
    names: [
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-ed25519",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "7.8",
    to: "8.1",
    names: [
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-ed25519",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.2",
    to: "8.4",
    names: [
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.5",
    to: "8.7",
    names: [
      "ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.8",
    to: "10.2",
    names: [
      "ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  },
  {
    from: "10.3",
    to: "10.5",
    names: [
      "ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  }
];
var DEFAULT_SERVER_SIG_SPANS = [
  {
    from: "7.9",
    to: "8.1",
    names: [
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-ed25519",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.2",
    to: "8.4",
    names: [
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  },
  {
    from: "8.5",
    to: "10.2",
    names: [
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  },
  {
    from: "10.3",
    to: "10.5",
    names: [
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  }
];
var DEFAULT_CLIENT_CIPHER_SPANS = [
  {
    from: "7.4",
    to: "7.5",
    names: [
      "chacha20-poly1305@openssh.com",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com",
      "aes128-cbc",
      "aes192-cbc",
      "aes256-cbc"
    ]
  },
  {
    from: "7.6",
    to: "9.9",
    names: [
      "chacha20-poly1305@openssh.com",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com"
    ]
  },
  {
    from: "10.0",
    to: "10.5",
    names: [
      "chacha20-poly1305@openssh.com",
      "aes128-gcm@openssh.com",
      "aes256-gcm@openssh.com",
      "aes128-ctr",
      "aes192-ctr",
      "aes256-ctr"
    ]
  }
];
var DEFAULT_CLIENT_MAC_SPANS = [
  {
    from: "7.4",
    to: "10.5",
    names: [
      "umac-64-etm@openssh.com",
      "umac-128-etm@openssh.com",
      "hmac-sha2-256-etm@openssh.com",
      "hmac-sha2-512-etm@openssh.com",
      "hmac-sha1-etm@openssh.com",
      "umac-64@openssh.com",
      "umac-128@openssh.com",
      "hmac-sha2-256",
      "hmac-sha2-512",
      "hmac-sha1"
    ]
  }
];
var DEFAULT_CLIENT_KEX_SPANS = [
  {
    from: "7.4",
    to: "7.7",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group-exchange-sha1",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group14-sha1"
    ]
  },
  {
    from: "7.8",
    to: "8.1",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256",
      "diffie-hellman-group14-sha1"
    ]
  },
  {
    from: "8.2",
    to: "8.8",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "8.9",
    to: "8.9",
    names: [
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "sntrup761x25519-sha512@openssh.com",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "9.0",
    to: "9.8",
    names: [
      "sntrup761x25519-sha512@openssh.com",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "9.9",
    to: "9.9",
    names: [
      "sntrup761x25519-sha512",
      "sntrup761x25519-sha512@openssh.com",
      "mlkem768x25519-sha256",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  },
  {
    from: "10.0",
    to: "10.5",
    names: [
      "mlkem768x25519-sha256",
      "sntrup761x25519-sha512",
      "sntrup761x25519-sha512@openssh.com",
      "curve25519-sha256",
      "curve25519-sha256@libssh.org",
      "ecdh-sha2-nistp256",
      "ecdh-sha2-nistp384",
      "ecdh-sha2-nistp521",
      "diffie-hellman-group-exchange-sha256",
      "diffie-hellman-group16-sha512",
      "diffie-hellman-group18-sha512",
      "diffie-hellman-group14-sha256"
    ]
  }
];
var DEFAULT_CLIENT_KEY_SPANS = [
  {
    from: "7.4",
    to: "7.7",
    names: [
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-ed25519",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "7.8",
    to: "8.1",
    names: [
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-ed25519",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.2",
    to: "8.4",
    names: [
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ssh-ed25519-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.5",
    to: "8.7",
    names: [
      "ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-rsa-cert-v01@openssh.com",
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.8",
    to: "10.2",
    names: [
      "ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  },
  {
    from: "10.3",
    to: "10.5",
    names: [
      "ssh-ed25519-cert-v01@openssh.com",
      "ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "ecdsa-sha2-nistp384-cert-v01@openssh.com",
      "ecdsa-sha2-nistp521-cert-v01@openssh.com",
      "sk-ssh-ed25519-cert-v01@openssh.com",
      "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
      "rsa-sha2-512-cert-v01@openssh.com",
      "rsa-sha2-256-cert-v01@openssh.com",
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  }
];
var DEFAULT_CLIENT_SIG_SPANS = [
  {
    from: "7.9",
    to: "8.1",
    names: [
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "ssh-ed25519",
      "rsa-sha2-512",
      "rsa-sha2-256",
      "ssh-rsa"
    ]
  },
  {
    from: "8.2",
    to: "8.4",
    names: [
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "ssh-ed25519",
      "sk-ssh-ed25519@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  },
  {
    from: "8.5",
    to: "10.2",
    names: [
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  },
  {
    from: "10.3",
    to: "10.5",
    names: [
      "ssh-ed25519",
      "ecdsa-sha2-nistp256",
      "ecdsa-sha2-nistp384",
      "ecdsa-sha2-nistp521",
      "sk-ssh-ed25519@openssh.com",
      "sk-ecdsa-sha2-nistp256@openssh.com",
      "webauthn-sk-ecdsa-sha2-nistp256@openssh.com",
      "rsa-sha2-512",
      "rsa-sha2-256"
    ]
  }
];
function isAlgorithmRelease(release) {
  return EXTRACTED_RELEASES.includes(release);
}
function checkRelease(release) {
  if (!isAlgorithmRelease(release)) {
    throw new RangeError(
      `OpenSSH ${release} is outside the algorithm tables (${EXTRACTED_RELEASES[0]} … ${EXTRACTED_RELEASES[EXTRACTED_RELEASES.length - 1]})`
    );
  }
}
function inSpans(spans, release) {
  return spans.find((s) => compareReleases(release, s.from) >= 0 && compareReleases(release, s.to) <= 0)?.names;
}
var KNOWN_SPANS = {
  cipher: CIPHER_SPANS,
  mac: MAC_SPANS,
  kex: KEX_SPANS,
  key: KEY_SPANS,
  sig: SIG_SPANS
};
var DEFAULT_SPANS = {
  server: {
    cipher: DEFAULT_SERVER_CIPHER_SPANS,
    mac: DEFAULT_SERVER_MAC_SPANS,
    kex: DEFAULT_SERVER_KEX_SPANS,
    key: DEFAULT_SERVER_KEY_SPANS,
    sig: DEFAULT_SERVER_SIG_SPANS
  },
  client: {
    cipher: DEFAULT_CLIENT_CIPHER_SPANS,
    mac: DEFAULT_CLIENT_MAC_SPANS,
    kex: DEFAULT_CLIENT_KEX_SPANS,
    key: DEFAULT_CLIENT_KEY_SPANS,
    sig: DEFAULT_CLIENT_SIG_SPANS
  }
};
function knownAlgorithms(cls, release) {
  checkRelease(release);
  return inSpans(KNOWN_SPANS[cls], release) ?? [];
}
function isKnownAlgorithm(cls, name, release) {
  return knownAlgorithms(cls, release).includes(name);
}
function defaultAlgorithms(cls, release, side) {
  checkRelease(release);
  return inSpans(DEFAULT_SPANS[side][cls], release);
}
function keyTypeShortNames(release) {
  checkRelease(release);
  return inSpans(SHORT_NAME_SPANS, release) ?? [];
}
var ASSESSMENT_REASONS = {
  plaintext: { severity: "broken", disputed: false, summary: "no encryption", sources: ["ssh-audit", "openssh"] },
  rc4: { severity: "broken", disputed: false, summary: "RC4 (arcfour) is broken", sources: ["ssh-audit", "cis", "openssh"] },
  "3des": { severity: "broken", disputed: false, summary: "3DES: broken and deprecated", sources: ["ssh-audit", "cis"] },
  blowfish: { severity: "broken", disputed: false, summary: "Blowfish: weak and deprecated", sources: ["ssh-audit", "cis", "openssh"] },
  cast128: { severity: "broken", disputed: false, summary: "CAST-128: weak and deprecated", sources: ["ssh-audit", "cis", "openssh"] },
  "rijndael-cbc": {
    severity: "broken",
    disputed: false,
    summary: "non-standard pre-AES name for aes256-cbc",
    sources: ["ssh-audit", "cis", "openssh"]
  },
  "block-64": { severity: "weak", disputed: false, summary: "64-bit block size (Sweet32)", sources: ["ssh-audit", "cis"] },
  cbc: { severity: "weak", disputed: false, summary: "CBC mode", sources: ["ssh-audit", "mozilla", "cis", "openssh"] },
  md5: { severity: "broken", disputed: false, summary: "MD5 is broken", sources: ["ssh-audit", "mozilla", "cis"] },
  ripemd160: { severity: "broken", disputed: false, summary: "RIPEMD-160: deprecated", sources: ["ssh-audit", "cis", "openssh"] },
  sha1: {
    severity: "broken",
    disputed: false,
    summary: "SHA-1 signatures / exchange hash (collisions are practical)",
    sources: ["ssh-audit", "cis", "openssh"]
  },
  "hmac-sha1": {
    severity: "broken",
    disputed: true,
    summary: "HMAC-SHA1: ssh-audit fails SHA-1; no practical attack on the HMAC, still an OpenSSH default and allowed by CIS",
    sources: ["ssh-audit", "mozilla"]
  },
  "tag-96": { severity: "weak", disputed: false, summary: "MAC truncated to 96 bits", sources: ["cis", "mozilla"] },
  "tag-64": {
    severity: "weak",
    disputed: true,
    summary: "64-bit MAC tag (umac-64): weak for ssh-audit and CIS, still an OpenSSH default",
    sources: ["ssh-audit", "cis", "mozilla"]
  },
  "encrypt-and-mac": {
    severity: "weak",
    disputed: true,
    summary: "encrypt-and-MAC rather than encrypt-then-MAC: ssh-audit warns, Mozilla and CIS accept, OpenSSH default",
    sources: ["ssh-audit"]
  },
  "dh-1024": { severity: "broken", disputed: false, summary: "1024-bit modulus", sources: ["ssh-audit", "cis", "openssh"] },
  logjam: { severity: "broken", disputed: false, summary: "Logjam-era fixed group", sources: ["ssh-audit"] },
  "dh-2048": {
    severity: "weak",
    disputed: true,
    summary: "2048-bit modulus: about 112-bit strength",
    sources: ["ssh-audit"]
  },
  "nist-curve": {
    severity: "broken",
    disputed: true,
    summary: "NIST P-curve: ssh-audit fails it as possibly back-doored; CIS, Mozilla and OpenSSH defaults accept it",
    sources: ["ssh-audit"]
  },
  "not-post-quantum": {
    severity: "weak",
    disputed: true,
    summary: "no protection against a future quantum computer (store now, decrypt later); OpenSSH 10.1+ warns",
    sources: ["ssh-audit", "openssh"]
  },
  "random-nonce": {
    severity: "weak",
    disputed: true,
    summary: "signatures with a random nonce: a weak RNG can reveal the key",
    sources: ["ssh-audit"]
  },
  dsa: {
    severity: "broken",
    disputed: false,
    summary: "DSA: 1024-bit, off by default since 7.0, removed in 10.0",
    sources: ["ssh-audit", "openssh"]
  },
  withdrawn: {
    severity: "weak",
    disputed: false,
    summary: "sntrup4591761 was withdrawn; replaced by sntrup761 in 8.5",
    sources: ["ssh-audit", "openssh"]
  },
  experimental: {
    severity: "weak",
    disputed: true,
    summary: "experimental, not standardised",
    sources: ["ssh-audit"]
  },
  "terrapin-chacha20": {
    severity: "note",
    disputed: false,
    summary: "Terrapin (CVE-2023-48795) applies unless both peers do strict KEX (OpenSSH 9.6+)",
    sources: ["ssh-audit", "cis"]
  },
  "terrapin-cbc-etm": {
    severity: "note",
    disputed: false,
    summary: "Terrapin (CVE-2023-48795) applies to a CBC cipher with an EtM MAC unless both peers do strict KEX (9.6+)",
    sources: ["ssh-audit", "cis"]
  },
  "gex-moduli": {
    severity: "note",
    disputed: false,
    summary: "strength depends on the moduli file; Mozilla and ssh-audit want ≥ 3071-bit moduli",
    sources: ["mozilla", "ssh-audit"]
  },
  "rsa-key-size": {
    severity: "note",
    disputed: false,
    summary: "strength depends on the RSA key size; ssh-audit wants ≥ 3072 bits",
    sources: ["ssh-audit"]
  }
};
var CBC = ["cbc", "terrapin-cbc-etm"];
var ECDSA = ["nist-curve", "random-nonce"];
var REASONS_BY_NAME = {
  // ciphers
  none: ["plaintext"],
  "3des-cbc": ["3des", "block-64", ...CBC],
  "blowfish-cbc": ["blowfish", "block-64", ...CBC],
  "cast128-cbc": ["cast128", "block-64", ...CBC],
  arcfour: ["rc4"],
  arcfour128: ["rc4"],
  arcfour256: ["rc4"],
  "aes128-cbc": CBC,
  "aes192-cbc": CBC,
  "aes256-cbc": CBC,
  "rijndael-cbc@lysator.liu.se": ["rijndael-cbc", ...CBC],
  "chacha20-poly1305@openssh.com": ["terrapin-chacha20"],
  // MACs
  "hmac-sha1": ["hmac-sha1", "encrypt-and-mac"],
  "hmac-sha1-96": ["hmac-sha1", "tag-96", "encrypt-and-mac"],
  "hmac-sha2-256": ["encrypt-and-mac"],
  "hmac-sha2-512": ["encrypt-and-mac"],
  "hmac-md5": ["md5", "encrypt-and-mac"],
  "hmac-md5-96": ["md5", "tag-96", "encrypt-and-mac"],
  "hmac-ripemd160": ["ripemd160", "encrypt-and-mac"],
  "hmac-ripemd160@openssh.com": ["ripemd160", "encrypt-and-mac"],
  "umac-64@openssh.com": ["tag-64", "encrypt-and-mac"],
  "umac-128@openssh.com": ["encrypt-and-mac"],
  "hmac-sha1-etm@openssh.com": ["hmac-sha1", "terrapin-cbc-etm"],
  "hmac-sha1-96-etm@openssh.com": ["hmac-sha1", "tag-96", "terrapin-cbc-etm"],
  "hmac-sha2-256-etm@openssh.com": ["terrapin-cbc-etm"],
  "hmac-sha2-512-etm@openssh.com": ["terrapin-cbc-etm"],
  "hmac-md5-etm@openssh.com": ["md5", "terrapin-cbc-etm"],
  "hmac-md5-96-etm@openssh.com": ["md5", "tag-96", "terrapin-cbc-etm"],
  "hmac-ripemd160-etm@openssh.com": ["ripemd160", "terrapin-cbc-etm"],
  "umac-64-etm@openssh.com": ["tag-64", "terrapin-cbc-etm"],
  "umac-128-etm@openssh.com": ["terrapin-cbc-etm"],
  // key exchange
  "diffie-hellman-group1-sha1": ["dh-1024", "logjam", "sha1", "not-post-quantum"],
  "diffie-hellman-group14-sha1": ["sha1", "dh-2048", "not-post-quantum"],
  "diffie-hellman-group14-sha256": ["dh-2048", "not-post-quantum"],
  "diffie-hellman-group16-sha512": ["not-post-quantum"],
  "diffie-hellman-group18-sha512": ["not-post-quantum"],
  "diffie-hellman-group-exchange-sha1": ["sha1", "gex-moduli", "not-post-quantum"],
  "diffie-hellman-group-exchange-sha256": ["gex-moduli", "not-post-quantum"],
  "ecdh-sha2-nistp256": ["nist-curve", "not-post-quantum"],
  "ecdh-sha2-nistp384": ["nist-curve", "not-post-quantum"],
  "ecdh-sha2-nistp521": ["nist-curve", "not-post-quantum"],
  "curve25519-sha256": ["not-post-quantum"],
  "curve25519-sha256@libssh.org": ["not-post-quantum"],
  "sntrup4591761x25519-sha512@tinyssh.org": ["withdrawn", "experimental"],
  "mlkem768nistp256-sha256": ["nist-curve"],
  // host keys, public keys, signatures (plain names; certificates inherit)
  "ecdsa-sha2-nistp256": ECDSA,
  "ecdsa-sha2-nistp384": ECDSA,
  "ecdsa-sha2-nistp521": ECDSA,
  "sk-ecdsa-sha2-nistp256@openssh.com": ECDSA,
  "webauthn-sk-ecdsa-sha2-nistp256@openssh.com": ["nist-curve"],
  "ssh-dss": ["dsa", "random-nonce"],
  "ssh-rsa": ["sha1", "rsa-key-size"],
  "rsa-sha2-256": ["rsa-key-size"],
  "rsa-sha2-512": ["rsa-key-size"],
  "ssh-xmss@openssh.com": ["experimental"],
  "ssh-mldsa44-ed25519@openssh.com": ["experimental"]
};
function plainOf(name) {
  const kt = KEY_TYPES.find((k) => k.name === name);
  if (kt) return kt.plainName;
  const sig = SIGNATURE_ALGORITHMS.find((s) => s.name === name);
  if (sig && name.endsWith("-cert-v01@openssh.com")) {
    const stem = name.slice(0, -"-cert-v01@openssh.com".length);
    return SIGNATURE_ALGORITHMS.find((s) => s.name === stem || s.name === `${stem}@openssh.com`)?.name ?? name;
  }
  return name;
}
var RANK = { ok: 0, weak: 1, broken: 2 };
function worst(reasons) {
  let status = "ok";
  for (const r of reasons) {
    if (r.severity === "note") continue;
    if (RANK[r.severity] > RANK[status]) status = r.severity;
  }
  return status;
}
function assessAlgorithm(name) {
  const codes = REASONS_BY_NAME[name] ?? REASONS_BY_NAME[plainOf(name)] ?? [];
  const reasons = codes.map((code3) => ({ code: code3, ...ASSESSMENT_REASONS[code3] }));
  return {
    status: worst(reasons.filter((r) => !r.disputed)),
    strictStatus: worst(reasons),
    reasons
  };
}

// src/openssh/algorithm-list.ts
var KEYWORD_CLASS = {
  Ciphers: "cipher",
  MACs: "mac",
  KexAlgorithms: "kex",
  HostKeyAlgorithms: "key",
  PubkeyAcceptedAlgorithms: "key",
  HostbasedAcceptedAlgorithms: "key",
  CASignatureAlgorithms: "sig"
};
var CLASS_KEYWORD = {
  cipher: "Ciphers",
  mac: "MACs",
  kex: "KexAlgorithms",
  key: "PubkeyAcceptedAlgorithms",
  sig: "CASignatureAlgorithms"
};
var SPELLINGS = {
  ciphers: "Ciphers",
  macs: "MACs",
  kexalgorithms: "KexAlgorithms",
  hostkeyalgorithms: "HostKeyAlgorithms",
  pubkeyacceptedalgorithms: "PubkeyAcceptedAlgorithms",
  pubkeyacceptedkeytypes: "PubkeyAcceptedAlgorithms",
  hostbasedacceptedalgorithms: "HostbasedAcceptedAlgorithms",
  casignaturealgorithms: "CASignatureAlgorithms"
};
function algorithmKeyword(keyword, side) {
  const k = keyword.toLowerCase();
  if (side === "server" && k === "hostbasedacceptedkeytypes") return "HostbasedAcceptedAlgorithms";
  if (side === "client" && k === "hostbasedkeytypes") return "HostbasedAcceptedAlgorithms";
  return SPELLINGS[k];
}
var atLeast2 = (release, v) => compareReleases(release, v) >= 0;
function matchPattern(s, pattern) {
  let si = 0;
  let pi = 0;
  let starP = -1;
  let starS = 0;
  while (si < s.length) {
    const pc = pattern[pi];
    if (pc === "*") {
      starP = pi++;
      starS = si;
    } else if (pc !== void 0 && (pc === "?" || pc === s[si])) {
      si++;
      pi++;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pattern[pi] === "*") pi++;
  return pi === pattern.length;
}
function matchPatternList(string2, pattern) {
  let gotPositive = false;
  let i = 0;
  const len = pattern.length;
  while (i < len) {
    let negated = false;
    if (pattern[i] === "!") {
      negated = true;
      i++;
    }
    let sub = "";
    while (i < len && sub.length < 1023 && pattern[i] !== ",") sub += pattern[i++];
    if (sub.length >= 1023) return 0;
    if (i < len && pattern[i] === ",") i++;
    if (matchPattern(string2, sub)) {
      if (negated) return -1;
      gotPositive = true;
    }
  }
  return gotPositive ? 1 : 0;
}
function listHas(list, name) {
  for (const p of list.split(",")) {
    if (p === "") return false;
    if (p === name) return true;
  }
  return false;
}
function namesCat(a, b) {
  if (a === "") return b;
  if (b === "") return a;
  let ret = a;
  for (const p of b.split(",")) {
    if (p === "") break;
    if (!listHas(ret, p)) ret += `,${p}`;
  }
  return ret;
}
function filterList(proposal, filter, deny) {
  return proposal.filter((n) => n !== "" && (deny ? matchPatternList(n, filter) !== 1 : matchPatternList(n, filter) === 1));
}
function checkedElements(list) {
  const out = [];
  for (const p of list.split(",")) {
    if (p === "") break;
    out.push(p);
  }
  return out;
}
function validate(keyword, list, release) {
  if (list === "") return {};
  const cls = KEYWORD_CLASS[keyword];
  const elements = checkedElements(list);
  if (cls === "cipher" || cls === "mac" || cls === "kex") {
    for (const p of elements) if (!isKnownAlgorithm(cls, p, release)) return { name: p };
    if (elements.length === 0 && cls !== "kex" && atLeast2(release, "10.4")) return {};
    return void 0;
  }
  const impls = knownAlgorithms("key", release);
  const shortNames = keyTypeShortNames(release).map((s) => s.toLowerCase());
  const plainOnly = keyword === "CASignatureAlgorithms" && atLeast2(release, "9.4");
  for (const p of elements) {
    const known = impls.includes(p) || shortNames.includes(p.toLowerCase());
    if (known) {
      if (plainOnly && p.endsWith("-cert-v01@openssh.com")) return { name: p };
      continue;
    }
    if (!impls.some((n) => matchPatternList(n, p) !== 0)) return { name: p };
  }
  return void 0;
}
function parseMessage(keyword, side, release, value) {
  switch (KEYWORD_CLASS[keyword]) {
    case "cipher":
      return `Bad SSH2 cipher spec '${value}'.`;
    case "mac":
      if (side === "server") return `Bad SSH2 mac spec '${value}'.`;
      return atLeast2(release, "8.1") ? `Bad SSH2 MAC spec '${value}'.` : `Bad SSH2 Mac spec '${value}'.`;
    case "kex":
      return `Bad SSH2 KexAlgorithms '${value}'.`;
    default:
      return `Bad key types '${value}'.`;
  }
}
function missingArgument(keyword, side, release) {
  const cls = KEYWORD_CLASS[keyword];
  if (side === "server" && (cls === "cipher" || cls === "mac" || cls === "kex") && atLeast2(release, "8.7")) {
    return `${keyword} missing argument.`;
  }
  return "Missing argument.";
}
function assembleMessage(keyword, side, release) {
  const renamed = atLeast2(release, "8.5");
  const what = {
    Ciphers: "ciphers",
    MACs: "macs",
    KexAlgorithms: "kex_algorithms",
    HostKeyAlgorithms: "hostkeyalgorithms",
    PubkeyAcceptedAlgorithms: renamed ? "pubkey_accepted_algos" : "pubkey_key_types",
    HostbasedAcceptedAlgorithms: renamed ? "hostbased_accepted_algos" : "hostbased_key_types",
    CASignatureAlgorithms: "ca_sign_algorithms"
  };
  if (side === "server") return `assemble_algorithms: ${what[keyword]}: invalid argument`;
  if (keyword === "HostKeyAlgorithms") {
    return renamed ? "ssh_kex2: kex_assemble_namelist: invalid argument" : "ssh_kex2: kex_assemble_namelist";
  }
  return `fill_default_options: ${what[keyword]}: invalid argument`;
}
function done(effective, def, unexpanded = false) {
  return {
    ok: true,
    effective,
    added: effective.filter((n) => !def.includes(n)),
    removed: def.filter((n) => !effective.includes(n)),
    ...unexpanded ? { unexpanded: true } : {}
  };
}
function resolveAlgorithmList(keyword, value, release, side) {
  const kw = keyword in KEYWORD_CLASS ? keyword : CLASS_KEYWORD[keyword];
  const cls = KEYWORD_CLASS[kw];
  const all = knownAlgorithms(cls, release);
  const parseError = (message, name, detail) => ({
    ok: false,
    error: { message, stage: "parse", ...name !== void 0 ? { name } : {}, ...detail ? { detail } : {} }
  });
  const def = defaultAlgorithms(cls, release, side);
  if (def === void 0) {
    return parseError(`Bad configuration option: ${kw.toLowerCase()}`);
  }
  if (value === "") return parseError(missingArgument(kw, side, release));
  const head = value[0];
  const minus = head === "-" && atLeast2(release, "7.5");
  const caret = head === "^" && atLeast2(release, "8.1");
  const plus = head === "+";
  const rest = plus || minus || caret ? value.slice(1) : value;
  if (!minus) {
    const bad = validate(kw, rest, release);
    if (bad) {
      const detail = cls === "kex" && bad.name !== void 0 ? `Unsupported KEX algorithm "${bad.name.slice(0, 100)}"` : void 0;
      return parseError(parseMessage(kw, side, release, value), bad.name, detail);
    }
  }
  const defString = def.join(",");
  if (minus) return done(filterList(def, rest, true), def);
  if (!atLeast2(release, "7.8")) {
    const written = (plus ? namesCat(defString, rest) : rest).split(",").filter((n) => n !== "");
    const unexpanded = written.some((n) => !all.includes(n));
    return done(written, def, unexpanded);
  }
  const list = plus ? namesCat(defString, rest) : caret ? namesCat(rest, defString) : rest;
  let ret = "";
  for (const cp of list.split(",")) {
    if (cp.startsWith("!")) {
      return { ok: false, error: { message: assembleMessage(kw, side, release), name: cp, stage: "assemble" } };
    }
    ret = namesCat(ret, filterList(all, cp, false).join(","));
  }
  if (ret === "") return { ok: false, error: { message: assembleMessage(kw, side, release), stage: "assemble" } };
  return done(ret.split(","), def);
}

// src/openssh/value-grammar.ts
var flag = () => ({ kind: "flag" });
var choice = (values, caseSensitive) => caseSensitive ? { kind: "choice", values, caseSensitive } : { kind: "choice", values };
var integer = (limits = {}) => ({
  kind: "integer",
  ...limits
});
var time = (options = {}) => ({ kind: "time", ...options });
var algorithms = (list) => ({ kind: "algorithms", list });
var words = (options) => ({
  kind: "words",
  ...options
});
var path2 = () => ({ kind: "path" });
var string = () => ({ kind: "string" });
var restOfLine = (options = {}) => ({
  kind: "rest-of-line",
  ...options
});
var ignored = () => ({ kind: "ignored" });
var named = (kind) => ({ kind });
var LOG_LEVELS = ["QUIET", "FATAL", "ERROR", "INFO", "VERBOSE", "DEBUG", "DEBUG1", "DEBUG2", "DEBUG3"];
var SYSLOG_FACILITIES = [
  "DAEMON",
  "USER",
  "AUTH",
  "AUTHPRIV",
  "LOCAL0",
  "LOCAL1",
  "LOCAL2",
  "LOCAL3",
  "LOCAL4",
  "LOCAL5",
  "LOCAL6",
  "LOCAL7"
];
function ipqosNames(release) {
  const names = [
    "af11",
    "af12",
    "af13",
    "af21",
    "af22",
    "af23",
    "af31",
    "af32",
    "af33",
    "af41",
    "af42",
    "af43",
    "cs0",
    "cs1",
    "cs2",
    "cs3",
    "cs4",
    "cs5",
    "cs6",
    "cs7",
    "ef"
  ];
  if (isAtLeast(release, "7.6")) names.unshift("none");
  if (isAtLeast(release, "8.2")) names.push("le");
  if (isAtLeast(release, "10.3")) names.push("va");
  names.push("lowdelay", "throughput", "reliability");
  return names;
}
var DIGEST_NAMES = ["md5", "sha1", "sha256", "sha384", "sha512"];
function integerSyntax(program, release) {
  if (isAtLeast(release, "7.7")) return "strtonum";
  return program === "sshd" ? "atoi" : "strtol-base0";
}
function flagValues(program, release) {
  if (program === "ssh") return { values: ["yes", "no", "true", "false"], caseSensitive: false };
  return { values: ["yes", "no"], caseSensitive: !isAtLeast(release, "7.7") };
}
function argumentCount(grammar) {
  switch (grammar.kind) {
    case "words":
      return { min: grammar.min, max: grammar.max ?? Infinity };
    case "rest-of-line":
    case "ignored":
    case "version-addendum":
    case "proxy-jump":
    case "subsystem":
      return { min: 1, max: Infinity };
    case "rekey-limit":
    case "ipqos":
    case "add-keys-to-agent":
    case "forward-local":
    case "forward-remote":
      return { min: 1, max: 2 };
    case "listen-address":
      return { min: 1, max: 3 };
    case "user-patterns":
    case "group-patterns":
    case "env-names":
    case "env-assignments":
    case "path-list":
    case "permit-open":
    case "permit-listen":
    case "permit-remote-open":
    case "authentication-methods":
    case "pubkey-auth-options":
    case "per-source-penalties":
    case "channel-timeout":
    case "include":
    case "match":
    case "host-patterns":
    case "canonical-domains":
    case "permitted-cnames":
    case "known-hosts-files":
      return { min: 1, max: Infinity };
    default:
      return { min: 1, max: 1 };
  }
}
function consumesRestOfLine(grammar) {
  return argumentCount(grammar).max === Infinity;
}
function sampleValue(grammar) {
  switch (grammar.kind) {
    case "flag":
      return "no";
    case "choice":
      return grammar.values[grammar.values.length - 1] ?? "";
    case "integer":
      return String(Math.max(grammar.min ?? 0, 3));
    case "time":
      return "30";
    case "algorithms":
      switch (grammar.list) {
        case "cipher":
          return "aes128-ctr,aes256-ctr";
        case "mac":
          return "hmac-sha2-256,hmac-sha2-512";
        case "kex":
          return "curve25519-sha256,diffie-hellman-group14-sha256";
        case "key":
        case "sig":
          return "ssh-ed25519,rsa-sha2-512";
        case "gss-kex":
          return "gss-curve25519-sha256-";
      }
      break;
    case "words":
      return Array.from({ length: Math.max(grammar.min, 1) }, (_, i) => `word${i + 1}`).join(" ");
    case "path":
      return "/etc/ssh/sshlint-sample";
    case "string":
      return "sample";
    case "rest-of-line":
      return grammar.absolutePathOrNone ? "/usr/bin/true %u" : "/usr/bin/true";
    case "ignored":
      return "yes";
    case "port":
      return "2222";
    case "log-level":
      return "VERBOSE";
    case "syslog-facility":
      return "AUTH";
    case "rekey-limit":
      return "1G 1h";
    case "ipqos":
      return "af21 cs1";
    case "channel-timeout":
      return "session=5m";
    case "version-addendum":
      return "sshlint";
    case "include":
      return "/etc/ssh/sshlint-sample.d/*.conf";
    case "match":
      return "all";
    case "listen-address":
      return "127.0.0.1:2222";
    case "max-startups":
      return "10:30:100";
    case "per-source-net-block-size":
      return "32:128";
    case "per-source-penalties":
      return "authfail:10";
    case "address-list":
      return "192.0.2.0/24";
    case "user-patterns":
      return "alice bob@192.0.2.0/24";
    case "group-patterns":
      return "staff wheel";
    case "env-names":
      return "LANG LC_*";
    case "env-assignments":
      return "FOO=bar";
    case "path-list":
      return ".ssh/authorized_keys /etc/ssh/keys/%u";
    case "permit-open":
      return "localhost:8080";
    case "permit-listen":
      return "localhost:8080";
    case "authentication-methods":
      return "publickey";
    case "subsystem":
      return "sshlint-sample /usr/lib/openssh/sftp-server -l INFO";
    case "permit-user-environment":
      return "LANG,LC_*";
    case "pubkey-auth-options":
      return "none";
    case "octal-mask":
      return "0077";
    case "rdomain":
      return "none";
    case "forward-local":
      return "8080 localhost:80";
    case "forward-remote":
      return "8080 localhost:80";
    case "forward-dynamic":
      return "1080";
    case "escape-char":
      return "~";
    case "control-persist":
      return "10m";
    case "tunnel-device":
      return "any:any";
    case "add-keys-to-agent":
      return "yes";
    case "agent-socket":
      return "SSH_AUTH_SOCK";
    case "forward-agent":
      return "no";
    case "proxy-jump":
      return "jump.example.com";
    case "canonical-domains":
      return "example.com";
    case "permitted-cnames":
      return "*.example.com:*.example.net";
    case "permit-remote-open":
      return "localhost:8080";
    case "known-hosts-files":
      return "~/.ssh/known_hosts";
    case "obscure-keystroke-timing":
      return "interval:20";
    case "host-patterns":
      return "*";
  }
  return "yes";
}
function statusAt(facts, release, build) {
  if (facts.distro && !build.features.has(facts.distro.feature)) return "unknown";
  if (!inRange(release, facts.since, facts.removedIn)) return "unknown";
  const base = facts.status === void 0 ? "active" : atRelease(facts.status, release) ?? "active";
  if (base === "unknown") return "unknown";
  const requires = facts.requires === void 0 ? void 0 : atRelease(facts.requires, release);
  if (requires) {
    const needed = typeof requires === "string" ? [requires] : requires;
    if (!needed.every((feature) => build.features.has(feature))) {
      return facts.withoutFeature === void 0 ? "unsupported" : atRelease(facts.withoutFeature, release) ?? "unsupported";
    }
  }
  return base;
}
function resolveFacts(facts, release, build) {
  const status = statusAt(facts, release, build);
  if (status === "unknown") return void 0;
  const live = status === "active" || status === "rejected";
  const aliasOf = facts.aliasOf === void 0 ? void 0 : atRelease(facts.aliasOf, release) ?? void 0;
  const grammar = live ? atRelease(facts.grammar, release) : ignored();
  if (grammar === void 0) throw new Error(`${facts.name}: no grammar for ${release}`);
  const accumulation = live ? atRelease(facts.accumulation, release) ?? "first-wins" : "none";
  const def = !live || aliasOf ? void 0 : facts.buildDefault && build.features.has(facts.buildDefault.feature) ? facts.buildDefault.value : facts.default !== void 0 ? atRelease(facts.default, release) : void 0;
  const sample = (facts.sample === void 0 ? void 0 : atRelease(facts.sample, release)) ?? sampleValue(grammar);
  return {
    name: facts.name,
    release,
    build,
    status,
    ...aliasOf ? { aliasOf } : {},
    grammar,
    consumesAllArguments: consumesRestOfLine(grammar),
    accumulation,
    ...def !== void 0 ? { default: def } : {},
    sample,
    ...facts.distro ? { distro: facts.distro } : {},
    ...facts.notes ? { notes: facts.notes } : {},
    facts
  };
}
function indexByName(table) {
  const map = /* @__PURE__ */ new Map();
  for (const entry2 of table) {
    const key = entry2.name.toLowerCase();
    if (map.has(key)) throw new Error(`duplicate keyword ${entry2.name}`);
    map.set(key, entry2);
  }
  return map;
}

// src/openssh/sshd-keywords.ts
var FLAG = flag();
var DEPRECATED = { status: "deprecated", grammar: ignored(), accumulation: "none" };
var FORWARDING = ["yes", "all", "no", "remote", "local"];
var SSHD_KEYWORDS = [
  // ------------------------------------------------------------ A
  {
    name: "AcceptEnv",
    match: true,
    grammar: named("env-names"),
    accumulation: "appends",
    notes: `Each name must not contain "=" ("Invalid environment name.", fatal). ≤8.6: an empty line is accepted. servconf.c: "appends to list; doesn't respect first-match-wins".`
  },
  {
    name: "AddressFamily",
    match: false,
    grammar: choice(["inet", "inet6", "any"]),
    accumulation: "first-wins",
    default: "any"
  },
  {
    name: "AFSTokenPassing",
    match: false,
    status: byRelease({ "7.4": "unsupported", "10.4": "deprecated" }),
    grammar: ignored(),
    accumulation: "none",
    notes: '"Unsupported option" up to 10.3, "Deprecated option" from 10.4 (servconf.h refactor).'
  },
  { name: "AllowAgentForwarding", match: true, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  {
    name: "AllowGroups",
    match: true,
    grammar: named("group-patterns"),
    accumulation: "appends",
    notes: '8.7+: an empty ("") pattern is fatal ("empty AllowGroups pattern").'
  },
  {
    name: "AllowStreamLocalForwarding",
    match: true,
    grammar: choice(FORWARDING),
    accumulation: "first-wins",
    default: "yes"
  },
  { name: "AllowTcpForwarding", match: true, grammar: choice(FORWARDING), accumulation: "first-wins", default: "yes" },
  {
    name: "AllowUsers",
    match: true,
    grammar: named("user-patterns"),
    accumulation: "appends",
    notes: 'A comma is not a separator: "AllowUsers alice,bob" is one pattern that matches nobody. Invalid pattern (bad CIDR after @, or "" from 8.7): fatal "invalid AllowUsers pattern".'
  },
  {
    name: "AuthenticationMethods",
    match: true,
    grammar: named("authentication-methods"),
    accumulation: "first-line-wins",
    default: "any",
    notes: "≤8.6: lines after the first that set it are not even validated."
  },
  {
    name: "AuthorizedKeysCommand",
    match: true,
    grammar: restOfLine({ absolutePathOrNone: true }),
    accumulation: "first-wins",
    default: null,
    notes: "≤8.6 the absolute-path check only ran on the line that took effect."
  },
  { name: "AuthorizedKeysCommandUser", match: true, grammar: string(), accumulation: "first-wins", default: null },
  {
    name: "AuthorizedKeysFile",
    match: true,
    grammar: named("path-list"),
    accumulation: "first-line-wins",
    default: ".ssh/authorized_keys .ssh/authorized_keys2",
    notes: '"~" is expanded at parse time for the uid running sshd. ≤8.6: no validation, an empty line accepted. 8.7+: "" is an error; 10.3+: "none" must be alone.'
  },
  { name: "AuthorizedKeysFile2", match: true, ...DEPRECATED },
  {
    name: "AuthorizedPrincipalsCommand",
    match: true,
    grammar: restOfLine({ absolutePathOrNone: true }),
    accumulation: "first-wins",
    default: null,
    notes: "8.7–9.3 bug: the line only takes effect while AuthorizedKeysCommand is unset (it tests the wrong variable), and then every such line overwrites."
  },
  { name: "AuthorizedPrincipalsCommandUser", match: true, grammar: string(), accumulation: "first-wins", default: null },
  { name: "AuthorizedPrincipalsFile", match: true, grammar: path2(), accumulation: "first-wins", default: null },
  // ------------------------------------------------------------ B–C
  { name: "Banner", match: true, grammar: path2(), accumulation: "first-wins", default: null },
  { name: "CASignatureAlgorithms", since: "7.9", match: true, grammar: algorithms("sig"), accumulation: "first-wins" },
  {
    name: "ChallengeResponseAuthentication",
    match: byRelease({ "7.4": false, "8.7": true }),
    aliasOf: byRelease({ "7.4": null, "8.7": "KbdInteractiveAuthentication" }),
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes",
    notes: 'Its own global setting (default yes) up to 8.6; from 8.7 an alias of KbdInteractiveAuthentication, so an early "ChallengeResponseAuthentication no" beats a later "KbdInteractiveAuthentication yes".'
  },
  {
    name: "ChannelTimeout",
    since: "9.2",
    match: true,
    grammar: named("channel-timeout"),
    accumulation: "first-line-wins",
    default: null
  },
  { name: "CheckMail", match: false, ...DEPRECATED },
  {
    name: "ChrootDirectory",
    match: true,
    grammar: string(),
    accumulation: "first-wins",
    default: null,
    sample: "none"
  },
  { name: "Ciphers", match: false, grammar: algorithms("cipher"), accumulation: "first-wins" },
  { name: "ClientAliveCountMax", match: true, grammar: integer(), accumulation: "first-wins", default: "3" },
  { name: "ClientAliveInterval", match: true, grammar: time(), accumulation: "first-wins", default: "0" },
  {
    name: "Compression",
    match: false,
    grammar: choice(["yes", "delayed", "no"]),
    accumulation: "first-wins",
    default: "yes",
    notes: 'yes and delayed both mean delayed. 8.2+ builds without zlib accept only "no" (and default to it).'
  },
  // ------------------------------------------------------------ D–F
  { name: "DenyGroups", match: true, grammar: named("group-patterns"), accumulation: "appends" },
  { name: "DenyUsers", match: true, grammar: named("user-patterns"), accumulation: "appends" },
  { name: "DisableForwarding", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  {
    name: "DSAAuthentication",
    match: false,
    aliasOf: "PubkeyAuthentication",
    grammar: FLAG,
    accumulation: "first-wins",
    // "no" would make AuthenticationMethods publickey unsatisfiable (a post-parse fatal).
    sample: "yes"
  },
  { name: "ExposeAuthInfo", since: "7.6", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  {
    name: "FingerprintHash",
    match: false,
    grammar: choice(DIGEST_NAMES),
    accumulation: "last-wins",
    default: "SHA256",
    notes: "Any digest name is accepted (md5, sha1, sha256, sha384, sha512); every line overwrites."
  },
  { name: "ForceCommand", match: true, grammar: restOfLine(), accumulation: "first-wins", default: null },
  {
    name: "GatewayPorts",
    match: true,
    grammar: choice(["clientspecified", "yes", "no"]),
    accumulation: "first-wins",
    default: "no"
  },
  // ------------------------------------------------------------ GSSAPI / Kerberos
  {
    name: "GSSAPIAuthentication",
    match: true,
    requires: "gssapi",
    status: byRelease({ "7.4": "active", "10.4": "unknown", "10.5": "active" }),
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no",
    notes: "10.4 misnamed the GSSAPI keywords (GssAuthentication …), so there these names are bad options."
  },
  {
    name: "GSSAPICleanupCredentials",
    match: false,
    requires: "gssapi",
    status: byRelease({ "7.4": "active", "10.4": "unknown", "10.5": "active" }),
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes"
  },
  {
    name: "GSSAPIDelegateCredentials",
    since: "10.3",
    match: false,
    requires: "gssapi",
    status: byRelease({ "10.3": "active", "10.4": "unknown", "10.5": "active" }),
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes"
  },
  {
    name: "GSSAPIStrictAcceptorCheck",
    match: false,
    requires: "gssapi",
    status: byRelease({ "7.4": "active", "10.4": "unknown", "10.5": "active" }),
    grammar: FLAG,
    accumulation: "first-wins",
    default: byRelease({ "7.4": "no", "7.5": "yes" }),
    notes: "7.4 fill_default_server_options set 0 although the manual says yes; fixed in 7.5."
  },
  {
    name: "GssAuthentication",
    since: "10.4",
    removedIn: "10.5",
    match: true,
    requires: "gssapi",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no",
    notes: "10.4 only: the servconf.h refactor spelled GSSAPIAuthentication this way (fixed in 10.5, c14709356)."
  },
  {
    name: "GssCleanupCreds",
    since: "10.4",
    removedIn: "10.5",
    match: false,
    requires: "gssapi",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes",
    notes: "10.4 only, see GssAuthentication."
  },
  {
    name: "GssDelegateCreds",
    since: "10.4",
    removedIn: "10.5",
    match: false,
    requires: "gssapi",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes",
    notes: "10.4 only, see GssAuthentication."
  },
  {
    name: "GssStrictAcceptor",
    since: "10.4",
    removedIn: "10.5",
    match: false,
    requires: "gssapi",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes",
    notes: "10.4 only, see GssAuthentication."
  },
  // ------------------------------------------------------------ H
  {
    name: "HostbasedAcceptedAlgorithms",
    since: "8.5",
    match: true,
    grammar: algorithms("key"),
    accumulation: "first-wins"
  },
  {
    name: "HostbasedAcceptedKeyTypes",
    match: true,
    aliasOf: byRelease({ "7.4": null, "8.5": "HostbasedAcceptedAlgorithms" }),
    grammar: algorithms("key"),
    accumulation: "first-wins",
    notes: "The keyword itself up to 8.4; an alias of HostbasedAcceptedAlgorithms from 8.5."
  },
  { name: "HostbasedAuthentication", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  { name: "HostbasedUsesNameFromPacketOnly", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  {
    name: "HostCertificate",
    match: false,
    grammar: path2(),
    accumulation: "appends",
    notes: 'A file that cannot be loaded is logged ("Could not load host certificate"), not fatal.'
  },
  { name: "HostDSAKey", match: false, aliasOf: "HostKey", grammar: path2(), accumulation: "appends" },
  {
    name: "HostKey",
    match: false,
    grammar: path2(),
    accumulation: "appends",
    notes: "Default (none given): ssh_host_{rsa,ecdsa,ed25519}_key (+ mldsa44_ed25519 in 10.5, xmss with WITH_XMSS)."
  },
  {
    name: "HostKeyAgent",
    match: false,
    grammar: string(),
    accumulation: "first-wins",
    default: null,
    notes: "A socket path, or SSH_AUTH_SOCK to take it from the environment."
  },
  { name: "HostKeyAlgorithms", match: false, grammar: algorithms("key"), accumulation: "first-wins" },
  // ------------------------------------------------------------ I–K
  {
    name: "IgnoreRhosts",
    match: byRelease({ "7.4": false, "8.3": true }),
    grammar: byRelease({ "7.4": FLAG, "8.3": choice(["yes", "no", "shosts-only"]) }),
    accumulation: "first-wins",
    default: "yes"
  },
  { name: "IgnoreUserKnownHosts", match: false, grammar: FLAG, accumulation: "first-wins", default: "no" },
  {
    name: "Include",
    since: "8.2",
    match: true,
    grammar: named("include"),
    accumulation: "structural",
    notes: "Relative paths are taken from /etc/ssh; glob(3); no match is fine; depth limit 16; processed at the position of the line; an included file cannot change the including file's Match state."
  },
  {
    name: "IPQoS",
    match: true,
    grammar: named("ipqos"),
    accumulation: byRelease({ "7.4": "last-wins", "10.3": "first-wins" }),
    default: byRelease({ "7.4": "lowdelay throughput", "7.8": "af21 cs1", "10.1": "ef cs0" }),
    buildDefault: { feature: "debian-patches", value: "lowdelay throughput" },
    notes: 'Debian keeps "lowdelay throughput" (revert-ipqos-defaults.patch) [tested 9.2: sshd -T].'
  },
  {
    name: "KbdInteractiveAuthentication",
    match: true,
    grammar: FLAG,
    accumulation: "first-wins",
    default: byRelease({ "7.4": "no", "8.7": "yes" }),
    notes: "≤8.6 keyboard-interactive was enabled through ChallengeResponseAuthentication (default yes)."
  },
  { name: "KeepAlive", match: false, aliasOf: "TCPKeepAlive", grammar: FLAG, accumulation: "first-wins" },
  {
    name: "KerberosAuthentication",
    match: true,
    requires: "krb5",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "KerberosGetAFSToken",
    match: false,
    requires: ["krb5", "afs"],
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "KerberosOrLocalPasswd",
    match: false,
    requires: "krb5",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes"
  },
  {
    name: "KerberosTgtPassing",
    match: false,
    status: byRelease({ "7.4": "unsupported", "10.4": "deprecated" }),
    grammar: ignored(),
    accumulation: "none"
  },
  {
    name: "KerberosTicketCleanup",
    match: false,
    requires: "krb5",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes"
  },
  { name: "KexAlgorithms", match: false, grammar: algorithms("kex"), accumulation: "first-wins" },
  { name: "KeyRegenerationInterval", match: false, ...DEPRECATED },
  // ------------------------------------------------------------ L–M
  {
    name: "ListenAddress",
    match: false,
    grammar: named("listen-address"),
    accumulation: "appends",
    notes: '"rdomain NAME" suffix from 7.7; a bare IPv6 address with 2+ colons takes no port.'
  },
  { name: "LoginGraceTime", match: false, grammar: time(), accumulation: "first-wins", default: "120" },
  {
    name: "LogLevel",
    match: byRelease({ "7.4": false, "7.6": true }),
    grammar: named("log-level"),
    accumulation: "first-wins",
    default: "INFO"
  },
  {
    name: "LogVerbose",
    since: "8.5",
    match: true,
    grammar: byRelease({
      "8.5": words({ min: 0 }),
      "8.7": words({ min: 1, noneAlone: true, nonEmpty: true })
    }),
    accumulation: byRelease({ "8.5": "appends", "8.7": "first-line-wins" }),
    default: null,
    notes: "Items are file:function:line patterns, not validated."
  },
  { name: "MACs", match: false, grammar: algorithms("mac"), accumulation: "first-wins" },
  {
    name: "Match",
    match: true,
    grammar: named("match"),
    accumulation: "structural",
    notes: 'A block runs to the next Match or end of file; "Match all" returns to global.'
  },
  {
    name: "MaxAuthTries",
    match: true,
    grammar: integer(),
    accumulation: "first-wins",
    default: "6",
    notes: "0 is accepted by sshd -t and locks everyone out."
  },
  { name: "MaxSessions", match: true, grammar: integer(), accumulation: "first-wins", default: "10" },
  {
    name: "MaxStartups",
    match: false,
    grammar: named("max-startups"),
    accumulation: byRelease({ "7.4": "last-wins", "10.1": "first-wins" }),
    default: "10:30:100"
  },
  { name: "ModuliFile", since: "8.6", match: false, grammar: path2(), accumulation: "first-wins" },
  // ------------------------------------------------------------ P
  {
    name: "PAMAuthenticationViaKbdInt",
    removedIn: "10.4",
    match: false,
    ...DEPRECATED,
    notes: "Dropped by the 10.4 servconf.h refactor: a bad option from 10.4."
  },
  {
    name: "PAMServiceName",
    since: "9.8",
    match: byRelease({ "9.8": true, "10.4": false, "10.5": true }),
    requires: "pam",
    grammar: string(),
    accumulation: "first-wins",
    default: "sshd",
    notes: "Global-only in 10.4 (refactor), allowed in Match again in 10.5 (4c414d99f)."
  },
  { name: "PasswordAuthentication", match: true, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  { name: "PermitEmptyPasswords", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  {
    name: "PermitListen",
    since: "7.8",
    match: true,
    grammar: named("permit-listen"),
    accumulation: "first-line-wins",
    default: "any"
  },
  {
    name: "PermitOpen",
    match: true,
    grammar: named("permit-open"),
    accumulation: "first-line-wins",
    default: "any"
  },
  {
    name: "PermitRootLogin",
    match: true,
    grammar: choice(["prohibit-password", "without-password", "forced-commands-only", "yes", "no"]),
    accumulation: "first-wins",
    default: "prohibit-password",
    notes: 'sshd -T prints the default as "without-password" up to 10.0 (table order) [tested 9.2].'
  },
  { name: "PermitTTY", match: true, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  {
    name: "PermitTunnel",
    match: true,
    grammar: choice(["no", "point-to-point", "ethernet", "yes"], true),
    accumulation: "first-wins",
    default: "no",
    notes: 'Compared with strcmp: "Yes" is fatal ("Bad yes/point-to-point/ethernet/no argument", 8.7+: "bad PermitTunnel argument").'
  },
  {
    name: "PermitUserEnvironment",
    match: false,
    grammar: byRelease({ "7.4": FLAG, "7.8": named("permit-user-environment") }),
    accumulation: "first-wins",
    default: "no"
  },
  { name: "PermitUserRC", match: true, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  {
    name: "PerSourceMaxStartups",
    since: "8.5",
    match: false,
    grammar: integer({ noneKeyword: "none" }),
    accumulation: byRelease({ "8.5": "last-wins", "9.5": "first-wins" }),
    default: "none"
  },
  {
    name: "PerSourceNetBlockSize",
    since: "8.5",
    match: false,
    grammar: named("per-source-net-block-size"),
    accumulation: byRelease({ "8.5": "last-wins", "10.1": "first-wins" }),
    default: "32:128",
    notes: "≤10.2 a single value also resets the IPv6 length to its sscanf leftover; 10.3 keeps the default."
  },
  {
    name: "PerSourcePenalties",
    since: "9.8",
    match: false,
    grammar: named("per-source-penalties"),
    accumulation: "first-wins",
    notes: "Each item sets its own field, first one wins; any item enables penalties. On by default."
  },
  {
    name: "PerSourcePenaltyExemptList",
    since: "9.8",
    match: false,
    grammar: named("address-list"),
    accumulation: "first-wins",
    default: null
  },
  {
    name: "PidFile",
    match: false,
    grammar: path2(),
    accumulation: "first-wins",
    notes: "Default is a build path (/var/run/sshd.pid; Debian /run/sshd.pid)."
  },
  {
    name: "Port",
    match: false,
    grammar: named("port"),
    accumulation: "appends",
    default: "22",
    notes: "Ignored when sshd gets -p. At most 256 ports."
  },
  {
    name: "PrintLastLog",
    match: false,
    requires: "lastlog",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes"
  },
  { name: "PrintMotd", match: false, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  {
    name: "Protocol",
    match: false,
    status: "ignored",
    grammar: ignored(),
    accumulation: "none",
    notes: "Silently ignored (DEBUG2), whatever the argument."
  },
  {
    name: "PubkeyAcceptedAlgorithms",
    since: "8.5",
    match: true,
    grammar: algorithms("key"),
    accumulation: "first-wins"
  },
  {
    name: "PubkeyAcceptedKeyTypes",
    match: true,
    aliasOf: byRelease({ "7.4": null, "8.5": "PubkeyAcceptedAlgorithms" }),
    grammar: algorithms("key"),
    accumulation: "first-wins"
  },
  { name: "PubkeyAuthentication", match: true, grammar: FLAG, accumulation: "first-wins", default: "yes", sample: "yes" },
  {
    name: "PubkeyAuthOptions",
    since: "8.2",
    match: true,
    grammar: named("pubkey-auth-options"),
    accumulation: "first-wins",
    default: "none"
  },
  // ------------------------------------------------------------ R
  {
    name: "RDomain",
    since: "7.7",
    match: true,
    requires: "rdomain",
    withoutFeature: byRelease({ "7.7": "active", "8.3": "rejected" }),
    grammar: named("rdomain"),
    accumulation: "first-wins",
    default: null,
    notes: '8.3+ without routing-domain support: fatal "setting RDomain not supported on this platform." [tested 9.2].'
  },
  { name: "RefuseConnection", since: "9.9", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  {
    name: "RekeyLimit",
    match: true,
    grammar: named("rekey-limit"),
    accumulation: "first-wins",
    default: "default none"
  },
  { name: "RequiredRSASize", since: "9.1", match: true, grammar: integer(), accumulation: "first-wins", default: "1024" },
  { name: "ReverseMappingCheck", match: false, ...DEPRECATED },
  {
    name: "RevokedKeys",
    match: true,
    grammar: byRelease({ "7.4": path2(), "10.3": named("path-list") }),
    accumulation: byRelease({ "7.4": "first-wins", "10.3": "first-line-wins" }),
    default: null,
    notes: "One file up to 10.2, several from 10.3."
  },
  { name: "RHostsAuthentication", match: false, ...DEPRECATED },
  { name: "RhostsRSAAuthentication", match: true, ...DEPRECATED },
  { name: "RSAAuthentication", match: true, ...DEPRECATED },
  // ------------------------------------------------------------ S
  {
    name: "SecurityKeyProvider",
    since: "8.2",
    match: false,
    grammar: string(),
    accumulation: "first-wins",
    default: "internal"
  },
  { name: "ServerKeyBits", match: false, ...DEPRECATED },
  {
    name: "SetEnv",
    since: "7.8",
    match: true,
    grammar: named("env-assignments"),
    accumulation: "first-line-wins",
    notes: "Not appending: only the first active SetEnv line counts (7.8 `uvalue != 0`, 9.7 `found`). 9.1+: a repeated name within that line is ignored (debug2)."
  },
  {
    name: "SKeyAuthentication",
    match: byRelease({ "7.4": false, "8.7": true }),
    status: byRelease({ "7.4": "active", "7.8": "deprecated", "8.7": "active" }),
    aliasOf: byRelease({ "7.4": "ChallengeResponseAuthentication", "7.8": null, "8.7": "KbdInteractiveAuthentication" }),
    grammar: FLAG,
    accumulation: "first-wins"
  },
  { name: "SshdAuthPath", since: "10.0", match: false, grammar: path2(), accumulation: "first-wins" },
  { name: "SshdSessionPath", since: "9.8", match: false, grammar: path2(), accumulation: "first-wins" },
  {
    name: "StreamLocalBindMask",
    match: true,
    grammar: named("octal-mask"),
    accumulation: "last-wins",
    default: "0177"
  },
  { name: "StreamLocalBindUnlink", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  { name: "StrictModes", match: false, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  {
    name: "Subsystem",
    match: byRelease({ "7.4": false, "9.5": true }),
    grammar: named("subsystem"),
    accumulation: byRelease({ "7.4": "unique-name", "9.5": "per-name" }),
    notes: `≤9.4: a second definition of a name is fatal ("Subsystem 'sftp' already defined."); 9.5+: the first definition of a name wins, later ones are ignored (debug). 10.3+ checks for the command before looking at Match state.`
  },
  {
    name: "SyslogFacility",
    match: false,
    grammar: named("syslog-facility"),
    accumulation: "first-wins",
    default: "AUTH"
  },
  // ------------------------------------------------------------ T–X
  { name: "TCPKeepAlive", match: false, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  { name: "TrustedUserCAKeys", match: true, grammar: path2(), accumulation: "first-wins", default: null },
  {
    name: "UnusedConnectionTimeout",
    since: "9.2",
    match: true,
    grammar: time({ none: true }),
    accumulation: "first-wins",
    default: "none",
    notes: '"none" (any case) is stored unconditionally, so it also overrides an earlier value.'
  },
  { name: "UseDNS", match: false, grammar: FLAG, accumulation: "first-wins", default: "no" },
  { name: "UseLogin", match: false, ...DEPRECATED },
  {
    name: "UsePAM",
    match: false,
    requires: "pam",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no",
    notes: 'Debian and most distributions ship "UsePAM yes" in sshd_config.'
  },
  {
    name: "UsePrivilegeSeparation",
    match: false,
    status: byRelease({ "7.4": "active", "7.5": "deprecated" }),
    grammar: choice(["yes", "sandbox", "nosandbox", "no"]),
    accumulation: "first-wins",
    default: "sandbox"
  },
  { name: "VerifyReverseMapping", match: false, ...DEPRECATED },
  {
    name: "VersionAddendum",
    match: false,
    grammar: named("version-addendum"),
    accumulation: "first-wins",
    default: "none"
  },
  { name: "X11DisplayOffset", match: true, grammar: integer(), accumulation: "first-wins", default: "10" },
  { name: "X11Forwarding", match: true, grammar: FLAG, accumulation: "first-wins", default: "no" },
  { name: "X11UseLocalhost", match: true, grammar: FLAG, accumulation: "first-wins", default: "yes" },
  {
    name: "XAuthLocation",
    match: false,
    grammar: path2(),
    accumulation: "first-wins",
    notes: "Default is the build's xauth path (/usr/bin/xauth on Debian)."
  },
  // ======================================================== Debian patches
  // Verified against Debian 12's sshd 9.2p1-2+deb12u*; Ubuntu carries the same patches.
  {
    name: "DebianBanner",
    distro: { feature: "debian-patches", note: "debian-banner.patch: include the Debian version in the banner." },
    match: false,
    grammar: FLAG,
    accumulation: "first-wins",
    default: "yes"
  },
  {
    name: "GSSAPIKeyExchange",
    distro: { feature: "debian-patches", note: "gssapi.patch (GSSAPI key exchange, rejected upstream)." },
    match: false,
    requires: "gssapi",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "GSSAPIKexAlgorithms",
    distro: { feature: "debian-patches", note: "gssapi.patch; ssh-audit hardening guides write it." },
    match: false,
    requires: "gssapi",
    grammar: algorithms("gss-kex"),
    accumulation: "first-wins"
  },
  {
    name: "GSSAPIStoreCredentialsOnRekey",
    distro: { feature: "debian-patches", note: "gssapi.patch." },
    match: false,
    requires: "gssapi",
    grammar: FLAG,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "GSSAPICleanupCreds",
    distro: { feature: "debian-patches", note: "gssapi.patch: alias row for GSSAPICleanupCredentials." },
    match: false,
    requires: "gssapi",
    // Follows upstream's 10.4-only misspelling, should a patched 10.4 exist.
    aliasOf: byRelease({ "7.4": "GSSAPICleanupCredentials", "10.4": "GssCleanupCreds", "10.5": "GSSAPICleanupCredentials" }),
    grammar: FLAG,
    accumulation: "first-wins"
  },
  {
    name: "GSSUseSessionCCache",
    distro: { feature: "debian-patches", note: "gssapi.patch: recognised as sUnsupported." },
    match: false,
    status: "unsupported",
    grammar: ignored(),
    accumulation: "none"
  },
  {
    name: "GSSAPIUseSessionCredCache",
    distro: { feature: "debian-patches", note: "gssapi.patch: recognised as sUnsupported [tested 9.2]." },
    match: false,
    status: "unsupported",
    grammar: ignored(),
    accumulation: "none"
  },
  {
    name: "PermitBlacklistedKeys",
    distro: { feature: "debian-patches", note: 'Left over from the 2008 weak-key blacklist: "Deprecated option" [tested 9.2].' },
    match: false,
    ...DEPRECATED
  }
];
var BY_NAME2 = indexByName(SSHD_KEYWORDS);
function sshdKeyword(name, release, build = DEBIAN_BUILD) {
  const facts = BY_NAME2.get(name.toLowerCase());
  if (!facts) return void 0;
  const resolved = resolveFacts(facts, release, build);
  if (!resolved) return void 0;
  return { ...resolved, facts, allowedInMatch: atRelease(facts.match, release) ?? false };
}
function sshdKeywordsAt(release, build = DEBIAN_BUILD) {
  return SSHD_KEYWORDS.map((facts) => sshdKeyword(facts.name, release, build)).filter(
    (k) => k !== void 0
  );
}

// src/openssh/ssh-keywords.ts
var FLAG2 = flag();
var TIME = time({ none: true });
var DEPRECATED2 = { status: "deprecated", grammar: ignored(), accumulation: "none" };
var UNSUPPORTED = { status: "unsupported", grammar: ignored(), accumulation: "none" };
var YES_NO_ASK = choice(["true", "false", "yes", "no", "ask"]);
var SSH_KEYWORDS = [
  // ------------------------------------------------------------ A–B
  {
    name: "AddKeysToAgent",
    grammar: byRelease({
      "7.4": choice(["true", "false", "yes", "no", "ask", "confirm"]),
      "8.4": named("add-keys-to-agent")
    }),
    accumulation: "first-wins",
    default: "no"
  },
  { name: "AddressFamily", grammar: choice(["inet", "inet6", "any"]), accumulation: "first-wins", default: "any" },
  { name: "AFSTokenPassing", ...UNSUPPORTED },
  { name: "BatchMode", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "BindAddress", grammar: string(), accumulation: "first-wins", default: null },
  { name: "BindInterface", since: "7.7", grammar: string(), accumulation: "first-wins", default: null },
  // ------------------------------------------------------------ C
  {
    name: "CanonicalDomains",
    grammar: named("canonical-domains"),
    accumulation: "first-line-wins",
    default: null
  },
  { name: "CanonicalizeFallbackLocal", grammar: FLAG2, accumulation: "first-wins", default: "yes" },
  {
    name: "CanonicalizeHostname",
    grammar: choice(["true", "false", "yes", "no", "always"]),
    accumulation: "first-wins",
    default: "no"
  },
  { name: "CanonicalizeMaxDots", grammar: integer(), accumulation: "first-wins", default: "1" },
  {
    name: "CanonicalizePermittedCNAMEs",
    grammar: named("permitted-cnames"),
    accumulation: "first-line-wins",
    default: null
  },
  { name: "CASignatureAlgorithms", since: "7.9", grammar: algorithms("sig"), accumulation: "first-wins" },
  {
    name: "CertificateFile",
    grammar: path2(),
    accumulation: "appends",
    notes: 'At most 100 (SSH_MAX_CERTIFICATE_FILES): "Too many certificate files specified".'
  },
  {
    name: "ChallengeResponseAuthentication",
    aliasOf: byRelease({ "7.4": null, "8.7": "KbdInteractiveAuthentication" }),
    grammar: FLAG2,
    accumulation: "first-wins",
    default: "yes",
    notes: "Its own setting up to 8.6, an alias of KbdInteractiveAuthentication from 8.7."
  },
  {
    name: "ChannelTimeout",
    since: "9.6",
    grammar: named("channel-timeout"),
    accumulation: "first-line-wins",
    default: null
  },
  {
    name: "CheckHostIP",
    grammar: FLAG2,
    accumulation: "first-wins",
    default: byRelease({ "7.4": "yes", "8.5": "no" })
  },
  {
    name: "Cipher",
    status: byRelease({ "7.4": "active", "7.6": "deprecated" }),
    grammar: string(),
    accumulation: "first-wins",
    notes: 'SSH-1 cipher (cipher_number: "Bad cipher") up to 7.5; deprecated from 7.6.'
  },
  { name: "Ciphers", grammar: algorithms("cipher"), accumulation: "first-wins" },
  { name: "ClearAllForwardings", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "Compression",
    grammar: byRelease({ "7.4": FLAG2, "8.2": choice(["yes", "no"]) }),
    accumulation: "first-wins",
    default: "no",
    notes: '8.2+: "true"/"false" are no longer accepted; without zlib only "no".'
  },
  {
    name: "CompressionLevel",
    status: byRelease({ "7.4": "active", "7.6": "unsupported" }),
    requires: byRelease({ "7.5": "ssh1", "7.6": null }),
    grammar: integer(),
    accumulation: "first-wins"
  },
  { name: "ConnectionAttempts", grammar: integer(), accumulation: "first-wins", default: "1" },
  { name: "ConnectTimeout", grammar: TIME, accumulation: "first-wins", default: "none" },
  {
    name: "ControlMaster",
    grammar: choice(["true", "yes", "false", "no", "auto", "ask", "autoask"]),
    accumulation: "first-wins",
    default: "no"
  },
  { name: "ControlPath", grammar: string(), accumulation: "first-wins", default: null },
  { name: "ControlPersist", grammar: named("control-persist"), accumulation: "first-wins", default: "no" },
  // ------------------------------------------------------------ D–F
  {
    name: "DSAAuthentication",
    aliasOf: "PubkeyAuthentication",
    grammar: byRelease({ "7.4": FLAG2, "8.9": choice(["true", "false", "yes", "no", "unbound", "host-bound"]) }),
    accumulation: "first-wins"
  },
  { name: "DynamicForward", grammar: named("forward-dynamic"), accumulation: "appends" },
  { name: "EnableEscapeCommandline", since: "9.2", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "EnableSSHKeysign", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "EscapeChar", grammar: named("escape-char"), accumulation: "first-wins", default: "~" },
  { name: "ExitOnForwardFailure", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "FallBackToRsh", ...DEPRECATED2 },
  { name: "FingerprintHash", grammar: choice(DIGEST_NAMES), accumulation: "first-wins", default: "SHA256" },
  { name: "ForkAfterAuthentication", since: "8.7", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "ForwardAgent",
    grammar: byRelease({ "7.4": FLAG2, "8.2": named("forward-agent") }),
    accumulation: "first-wins",
    default: "no"
  },
  { name: "ForwardX11", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "ForwardX11Timeout", grammar: TIME, accumulation: "first-wins", default: "1200" },
  {
    name: "ForwardX11Trusted",
    grammar: FLAG2,
    accumulation: "first-wins",
    default: "no",
    buildDefault: { feature: "debian-patches", value: "yes" },
    notes: "Debian's ssh defaults to yes (debian-config.patch) [tested 9.2: ssh -G prints forwardx11trusted yes]."
  },
  // ------------------------------------------------------------ G–H
  {
    name: "GatewayPorts",
    grammar: FLAG2,
    accumulation: "first-wins",
    default: "no",
    notes: "A flag on the client (the server's GatewayPorts also takes clientspecified)."
  },
  {
    name: "GlobalKnownHostsFile",
    grammar: named("known-hosts-files"),
    accumulation: "first-line-wins",
    default: "/etc/ssh/ssh_known_hosts /etc/ssh/ssh_known_hosts2"
  },
  { name: "GlobalKnownHostsFile2", ...DEPRECATED2 },
  { name: "GSSAPIAuthentication", requires: "gssapi", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "GSSAPIDelegateCredentials", requires: "gssapi", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "HashKnownHosts", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "Host",
    grammar: named("host-patterns"),
    accumulation: "structural",
    notes: 'A negated match ("!pattern") makes the whole block inactive.'
  },
  {
    name: "HostbasedAcceptedAlgorithms",
    since: "8.7",
    grammar: algorithms("key"),
    accumulation: "first-wins",
    notes: '8.5 and 8.6 spelled this keyword "hostbasedalgorithms" in keywords[] (fixed in 8.7).'
  },
  {
    name: "HostbasedAlgorithms",
    since: "8.5",
    removedIn: "8.7",
    grammar: algorithms("key"),
    accumulation: "first-wins",
    notes: "The 8.5/8.6 name of HostbasedAcceptedAlgorithms (a typo in readconf.c keywords[])."
  },
  { name: "HostbasedAuthentication", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "HostbasedKeyTypes",
    aliasOf: byRelease({ "7.4": null, "8.5": "HostbasedAlgorithms", "8.7": "HostbasedAcceptedAlgorithms" }),
    grammar: algorithms("key"),
    accumulation: "first-wins"
  },
  { name: "HostKeyAlgorithms", grammar: algorithms("key"), accumulation: "first-wins" },
  { name: "HostKeyAlias", grammar: string(), accumulation: "first-wins", default: null },
  { name: "Hostname", grammar: string(), accumulation: "first-wins" },
  // ------------------------------------------------------------ I–K
  { name: "IdentitiesOnly", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "IdentityAgent",
    grammar: byRelease({ "7.4": string(), "7.9": named("agent-socket") }),
    accumulation: "first-wins",
    default: null
  },
  {
    name: "IdentityFile",
    grammar: path2(),
    accumulation: "appends",
    notes: 'At most 100 (SSH_MAX_IDENTITY_FILES): "Too many identity files specified".'
  },
  { name: "IdentityFile2", aliasOf: "IdentityFile", grammar: path2(), accumulation: "appends" },
  {
    name: "IgnoreUnknown",
    grammar: string(),
    accumulation: "first-wins",
    notes: "A pattern list; only affects unknown keywords on later lines."
  },
  {
    name: "Include",
    grammar: named("include"),
    accumulation: "structural",
    notes: 'Relative paths: ~/.ssh for user configs, /etc/ssh for system ones; "~" only in user configs ("bad include path"). 9.9+ expands %tokens and ${ENV}.'
  },
  {
    name: "IPQoS",
    grammar: named("ipqos"),
    accumulation: byRelease({ "7.4": "last-wins", "8.7": "first-wins" }),
    default: byRelease({ "7.4": "lowdelay throughput", "7.8": "af21 cs1", "10.1": "ef cs0" }),
    buildDefault: { feature: "debian-patches", value: "lowdelay throughput" },
    notes: 'Debian keeps "lowdelay throughput" [tested 9.2: ssh -G].'
  },
  { name: "KbdInteractiveAuthentication", grammar: FLAG2, accumulation: "first-wins", default: "yes" },
  { name: "KbdInteractiveDevices", grammar: string(), accumulation: "first-wins", default: null },
  { name: "KeepAlive", aliasOf: "TCPKeepAlive", grammar: FLAG2, accumulation: "first-wins" },
  {
    name: "KerberosAuthentication",
    ...UNSUPPORTED,
    notes: "Always oUnsupported in the client (GSSAPIAuthentication is the Kerberos path)."
  },
  { name: "KerberosTGTPassing", ...UNSUPPORTED },
  { name: "KexAlgorithms", grammar: algorithms("kex"), accumulation: "first-wins" },
  { name: "KnownHostsCommand", since: "8.5", grammar: restOfLine(), accumulation: "first-wins", default: null },
  // ------------------------------------------------------------ L–O
  { name: "LocalCommand", grammar: restOfLine(), accumulation: "first-wins", default: null },
  { name: "LocalForward", grammar: named("forward-local"), accumulation: "appends" },
  { name: "LogLevel", grammar: named("log-level"), accumulation: "first-wins", default: "INFO" },
  {
    name: "LogVerbose",
    since: "8.5",
    grammar: byRelease({
      "8.5": words({ min: 0 }),
      "8.7": words({ min: 1, noneAlone: true, nonEmpty: true })
    }),
    accumulation: "first-line-wins",
    default: null
  },
  { name: "MACs", grammar: algorithms("mac"), accumulation: "first-wins" },
  { name: "Match", grammar: named("match"), accumulation: "structural" },
  { name: "NoHostAuthenticationForLocalhost", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  { name: "NumberOfPasswordPrompts", grammar: integer(), accumulation: "first-wins", default: "3" },
  {
    name: "ObscureKeystrokeTiming",
    since: "9.5",
    grammar: named("obscure-keystroke-timing"),
    accumulation: "first-wins",
    default: "yes"
  },
  // ------------------------------------------------------------ P
  { name: "PasswordAuthentication", grammar: FLAG2, accumulation: "first-wins", default: "yes" },
  { name: "PermitLocalCommand", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "PermitRemoteOpen",
    since: "8.5",
    grammar: named("permit-remote-open"),
    accumulation: "first-line-wins",
    default: "any",
    notes: "A missing host or bad port is fatal() even in 8.5+."
  },
  { name: "PKCS11Provider", requires: "pkcs11", grammar: string(), accumulation: "first-wins", default: null },
  {
    name: "Port",
    grammar: byRelease({ "7.4": integer(), "7.9": named("port") }),
    accumulation: "first-wins",
    default: "22",
    notes: "Up to 7.8 parse_int: any integer, 0 included, no service names; a2port() (1..65535 or a service name) from 7.9."
  },
  { name: "PreferredAuthentications", grammar: string(), accumulation: "first-wins" },
  {
    name: "Protocol",
    status: byRelease({ "7.4": "active", "7.6": "ignored" }),
    grammar: choice(["2", "1", "1,2", "2,1"]),
    accumulation: "first-wins",
    notes: 'proto_spec() up to 7.5 ("Bad protocol spec"); silently ignored from 7.6.'
  },
  {
    name: "ProxyCommand",
    grammar: restOfLine(),
    accumulation: "first-wins",
    default: null,
    notes: '≤10.2: ignored when ProxyJump was already set. Leading "=" and blanks are skipped.'
  },
  { name: "ProxyJump", grammar: named("proxy-jump"), accumulation: "first-wins", default: null },
  { name: "ProxyUseFdpass", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "PubkeyAcceptedAlgorithms",
    since: "8.5",
    grammar: algorithms("key"),
    accumulation: "first-wins"
  },
  {
    name: "PubkeyAcceptedKeyTypes",
    aliasOf: byRelease({ "7.4": null, "8.5": "PubkeyAcceptedAlgorithms" }),
    grammar: algorithms("key"),
    accumulation: "first-wins"
  },
  {
    name: "PubkeyAuthentication",
    grammar: byRelease({ "7.4": FLAG2, "8.9": choice(["true", "false", "yes", "no", "unbound", "host-bound"]) }),
    accumulation: "first-wins",
    default: "yes"
  },
  // ------------------------------------------------------------ R
  {
    name: "RefuseConnection",
    since: "10.1",
    grammar: string(),
    accumulation: "first-wins",
    notes: 'Any argument; when the line is active ssh exits: fatal "RefuseConnection: ARG".'
  },
  { name: "RekeyLimit", grammar: named("rekey-limit"), accumulation: "first-wins", default: "default none" },
  { name: "RemoteCommand", since: "7.6", grammar: restOfLine(), accumulation: "first-wins", default: null },
  { name: "RemoteForward", grammar: named("forward-remote"), accumulation: "appends" },
  {
    name: "RequestTTY",
    grammar: choice(["true", "yes", "false", "no", "force", "auto"]),
    accumulation: "first-wins",
    default: "auto"
  },
  { name: "RequiredRSASize", since: "9.1", grammar: integer(), accumulation: "first-wins", default: "1024" },
  {
    name: "RevokedHostKeys",
    grammar: byRelease({ "7.4": string(), "10.3": named("path-list") }),
    accumulation: byRelease({ "7.4": "first-wins", "10.3": "first-line-wins" }),
    default: null
  },
  { name: "RhostsAuthentication", ...DEPRECATED2 },
  {
    name: "RhostsRSAAuthentication",
    status: byRelease({ "7.4": "active", "7.6": "unsupported" }),
    requires: byRelease({ "7.5": "ssh1", "7.6": null }),
    grammar: FLAG2,
    accumulation: "first-wins"
  },
  {
    name: "RSAAuthentication",
    status: byRelease({ "7.4": "active", "7.6": "unsupported" }),
    requires: byRelease({ "7.5": "ssh1", "7.6": null }),
    grammar: FLAG2,
    accumulation: "first-wins"
  },
  // ------------------------------------------------------------ S
  { name: "SecurityKeyProvider", since: "8.2", grammar: string(), accumulation: "first-wins", default: "internal" },
  {
    name: "SendEnv",
    grammar: named("env-names"),
    accumulation: "appends",
    notes: 'A "-NAME" item removes earlier patterns (7.8+).'
  },
  { name: "ServerAliveCountMax", grammar: integer(), accumulation: "first-wins", default: "3" },
  { name: "ServerAliveInterval", grammar: TIME, accumulation: "first-wins", default: "0" },
  {
    name: "SessionType",
    since: "8.7",
    grammar: choice(["none", "subsystem", "default"]),
    accumulation: "first-wins",
    default: "default"
  },
  {
    name: "SetEnv",
    since: "7.8",
    grammar: named("env-assignments"),
    accumulation: "first-line-wins",
    notes: "Only the first active SetEnv line counts; 9.1+ drops repeated names within it."
  },
  {
    name: "SKeyAuthentication",
    status: byRelease({ "7.4": "active", "7.8": "unsupported", "8.7": "active" }),
    aliasOf: byRelease({ "7.4": "ChallengeResponseAuthentication", "7.8": null, "8.7": "KbdInteractiveAuthentication" }),
    grammar: FLAG2,
    accumulation: "first-wins"
  },
  { name: "SmartcardDevice", requires: "pkcs11", aliasOf: "PKCS11Provider", grammar: string(), accumulation: "first-wins" },
  { name: "StdinNull", since: "8.7", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "StreamLocalBindMask",
    grammar: named("octal-mask"),
    accumulation: "last-wins",
    default: "0177",
    notes: "Stored from every line, even in inactive Host/Match blocks."
  },
  { name: "StreamLocalBindUnlink", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "StrictHostKeyChecking",
    grammar: byRelease({
      "7.4": YES_NO_ASK,
      "7.6": choice(["true", "false", "yes", "no", "ask", "off", "accept-new"])
    }),
    accumulation: "first-wins",
    default: "ask"
  },
  {
    name: "SyslogFacility",
    since: "7.6",
    grammar: named("syslog-facility"),
    accumulation: "first-wins",
    default: "USER",
    notes: "The first line wins even inside an inactive Host/Match block (no activep check)."
  },
  // ------------------------------------------------------------ T–X
  { name: "Tag", since: "9.4", grammar: string(), accumulation: "first-wins", default: null },
  { name: "TCPKeepAlive", grammar: FLAG2, accumulation: "first-wins", default: "yes" },
  {
    name: "TISAuthentication",
    aliasOf: byRelease({ "7.4": "ChallengeResponseAuthentication", "8.7": "KbdInteractiveAuthentication" }),
    grammar: FLAG2,
    accumulation: "first-wins"
  },
  {
    name: "Tunnel",
    grammar: choice(["ethernet", "point-to-point", "true", "yes", "false", "no"]),
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "TunnelDevice",
    grammar: named("tunnel-device"),
    accumulation: byRelease({ "7.4": "last-wins", "8.7": "first-wins" }),
    default: "any:any"
  },
  {
    name: "UpdateHostKeys",
    grammar: YES_NO_ASK,
    accumulation: "first-wins",
    default: byRelease({ "7.4": "no", "8.5": "yes" }),
    notes: "8.5+: yes unless VerifyHostKeyDNS or a non-default UserKnownHostsFile is in use."
  },
  {
    name: "UsePrivilegedPort",
    status: byRelease({ "7.4": "active", "7.8": "deprecated" }),
    grammar: FLAG2,
    accumulation: "first-wins"
  },
  { name: "User", grammar: string(), accumulation: "first-wins" },
  {
    name: "UserKnownHostsFile",
    grammar: named("known-hosts-files"),
    accumulation: "first-line-wins",
    default: "~/.ssh/known_hosts ~/.ssh/known_hosts2"
  },
  { name: "UserKnownHostsFile2", ...DEPRECATED2 },
  { name: "UseRoaming", ...DEPRECATED2 },
  { name: "UseRsh", ...DEPRECATED2 },
  { name: "VerifyHostKeyDNS", grammar: YES_NO_ASK, accumulation: "first-wins", default: "no" },
  {
    name: "VersionAddendum",
    since: "10.0",
    grammar: named("version-addendum"),
    accumulation: "first-wins",
    default: "none"
  },
  { name: "VisualHostKey", grammar: FLAG2, accumulation: "first-wins", default: "no" },
  {
    name: "WarnWeakCrypto",
    since: "10.1",
    grammar: choice(["true", "false", "yes", "no", "no-pq-kex"]),
    accumulation: "first-wins",
    default: "yes"
  },
  { name: "XAuthLocation", grammar: path2(), accumulation: "first-wins" },
  // ======================================================== Debian patches
  // Verified against Debian 12's ssh 9.2p1-2+deb12u*.
  {
    name: "GSSAPIClientIdentity",
    distro: { feature: "debian-patches", note: "gssapi.patch." },
    requires: "gssapi",
    grammar: string(),
    accumulation: "first-wins",
    default: null
  },
  {
    name: "GSSAPIKeyExchange",
    distro: { feature: "debian-patches", note: "gssapi.patch." },
    requires: "gssapi",
    grammar: FLAG2,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "GSSAPIKexAlgorithms",
    distro: { feature: "debian-patches", note: 'gssapi.patch ("Bad GSSAPI KexAlgorithms").' },
    requires: "gssapi",
    grammar: algorithms("gss-kex"),
    accumulation: "first-wins"
  },
  {
    name: "GSSAPIRenewalForcesRekey",
    distro: { feature: "debian-patches", note: "gssapi.patch." },
    requires: "gssapi",
    grammar: FLAG2,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "GSSAPIServerIdentity",
    distro: { feature: "debian-patches", note: "gssapi.patch." },
    requires: "gssapi",
    grammar: string(),
    accumulation: "first-wins",
    default: null
  },
  {
    name: "GSSAPITrustDns",
    distro: { feature: "debian-patches", note: "gssapi.patch." },
    requires: "gssapi",
    grammar: FLAG2,
    accumulation: "first-wins",
    default: "no"
  },
  {
    name: "ProtocolKeepAlives",
    distro: { feature: "debian-patches", note: "keepalive-extensions.patch: sets ServerAliveInterval [tested 9.2]." },
    aliasOf: "ServerAliveInterval",
    grammar: TIME,
    accumulation: "first-wins"
  },
  {
    name: "SetupTimeOut",
    distro: { feature: "debian-patches", note: "keepalive-extensions.patch: sets ServerAliveInterval [tested 9.2]." },
    aliasOf: "ServerAliveInterval",
    grammar: TIME,
    accumulation: "first-wins"
  },
  {
    name: "UseBlacklistedKeys",
    distro: { feature: "debian-patches", note: "Old weak-key blacklist option, now oDeprecated (debug) [tested 9.2]." },
    ...DEPRECATED2
  }
];
var BY_NAME3 = indexByName(SSH_KEYWORDS);
function sshKeyword(name, release, build = DEBIAN_BUILD) {
  const facts = BY_NAME3.get(name.toLowerCase());
  if (!facts) return void 0;
  return resolveFacts(facts, release, build);
}
function sshKeywordsAt(release, build = DEBIAN_BUILD) {
  return SSH_KEYWORDS.map((facts) => sshKeyword(facts.name, release, build)).filter(
    (k) => k !== void 0
  );
}

// src/parse/address-patterns.ts
var INPUT_MAX = 63;
var INT_MAX = 2 ** 31 - 1;
function splitPatternList(list) {
  const entries = [];
  let start = 0;
  for (; ; ) {
    const comma = list.indexOf(",", start);
    const end = comma === -1 ? list.length : comma;
    const raw = list.slice(start, end);
    const negated = raw.startsWith("!");
    entries.push({ text: negated ? raw.slice(1) : raw, negated, start, end });
    if (comma === -1) return entries;
    start = comma + 1;
  }
}
function checkAddressPatternList(list, openssh) {
  const problems2 = [];
  for (const entry2 of splitPatternList(list)) {
    if (entry2.text === "") {
      problems2.push({ code: "empty", entry: entry2 });
      continue;
    }
    const parsed = parseCidr(entry2.text, openssh);
    if (parsed.kind === "mask-too-long") {
      problems2.push({ code: "mask-too-long", entry: entry2, family: parsed.address.family, maskLength: parsed.maskLength });
    } else if (parsed.kind === "host-bits") {
      const network = formatAddress(maskAddress(parsed.address, parsed.maskLength));
      problems2.push({ code: "host-bits", entry: entry2, maskLength: parsed.maskLength, network, host: formatAddress(parsed.address) });
    } else if (parsed.kind === "not-an-address" && /[ \t]/.test(entry2.text)) {
      problems2.push({ code: "blank", entry: entry2 });
    }
  }
  return problems2;
}
function parseCidr(text, openssh) {
  if (text.length > INPUT_MAX) return { kind: "not-an-address" };
  const slash = text.indexOf("/");
  let maskLength;
  if (slash !== -1) {
    maskLength = parseMaskLength(text.slice(slash + 1), openssh);
    if (maskLength === void 0) return { kind: "not-an-address" };
  }
  const addressText = slash === -1 ? text : text.slice(0, slash);
  const address = parseNumericAddress(addressText);
  if (address === "unknown") return { kind: "unknown" };
  if (!address) return { kind: "not-an-address" };
  const bits = address.family === 4 ? 32 : 128;
  if (maskLength === void 0) return { kind: "network", address, maskLength: bits };
  if (maskLength > bits) return { kind: "mask-too-long", address, maskLength };
  if (!hostBitsZero(address, maskLength)) return { kind: "host-bits", address, maskLength };
  return { kind: "network", address, maskLength };
}
function parseMaskLength(text, openssh) {
  if (compareReleases(openssh, "9.8") >= 0) {
    const m2 = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text);
    if (!m2) return void 0;
    const value = (m2[1] === "-" ? -1 : 1) * Number(m2[2]);
    return value >= 0 && value <= INT_MAX ? value : void 0;
  }
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(text);
  if (!m) return void 0;
  if (compareReleases(openssh, "9.1") >= 0 && !/^\d/.test(text)) return void 0;
  const magnitude = Number(m[2]);
  if (m[1] === "-") return magnitude === 0 ? 0 : void 0;
  return magnitude <= 128 ? magnitude : void 0;
}
function parseNumericAddress(text) {
  const v4 = parseInetAton(text);
  if (v4) return { family: 4, bytes: v4 };
  const scope = text.indexOf("%");
  if (scope !== -1) {
    return parseInetPton6(text.slice(0, scope)) && !/[ \t]/.test(text) ? "unknown" : void 0;
  }
  const v6 = parseInetPton6(text);
  return v6 ? { family: 6, bytes: v6 } : void 0;
}
var isDigit = (c) => c !== void 0 && c >= "0" && c <= "9";
function parseInetAton(text) {
  const parts = [];
  let i = 0;
  let value;
  for (; ; ) {
    if (!isDigit(text[i])) return void 0;
    const parsed = strtoulBase0(text, i);
    if (parsed.value > 4294967295) return void 0;
    value = parsed.value;
    i = parsed.end;
    if (text[i] !== ".") break;
    if (parts.length > 2 || value > 255) return void 0;
    parts.push(value);
    i++;
  }
  if (i !== text.length) return void 0;
  const max = [4294967295, 16777215, 65535, 255][parts.length];
  if (value > max) return void 0;
  const bytes = new Uint8Array(4);
  parts.forEach((part, index) => bytes[index] = part);
  for (let b = 3; b >= parts.length; b--) {
    bytes[b] = value % 256;
    value = Math.floor(value / 256);
  }
  return bytes;
}
function strtoulBase0(text, at2) {
  let base = 10;
  let i = at2;
  if (text[i] === "0") {
    if ((text[i + 1] === "x" || text[i + 1] === "X") && /[0-9a-fA-F]/.test(text[i + 2] ?? "")) {
      base = 16;
      i += 2;
    } else {
      base = 8;
    }
  }
  const digit = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  let value = 0;
  while (i < text.length && digit.test(text[i])) {
    value = Math.min(value * base + parseInt(text[i], 16), 2 ** 40);
    i++;
  }
  return { value, end: i };
}
function parseInetPton4(text) {
  const octets = text.split(".");
  if (octets.length !== 4) return void 0;
  const bytes = new Uint8Array(4);
  for (const [i, octet] of octets.entries()) {
    if (!/^(0|[1-9]\d{0,2})$/.test(octet) || Number(octet) > 255) return void 0;
    bytes[i] = Number(octet);
  }
  return bytes;
}
function parseInetPton6(text) {
  if (text === "") return void 0;
  const out = [];
  let zerosAt;
  let i = 0;
  if (text[0] === ":") {
    if (text[1] !== ":") return void 0;
    i = 1;
  }
  let tokenStart = i;
  let digits = 0;
  let value = 0;
  while (i < text.length) {
    const ch = text[i++];
    if (/[0-9a-fA-F]/.test(ch)) {
      if (digits === 4) return void 0;
      value = value * 16 + parseInt(ch, 16);
      digits++;
      continue;
    }
    if (ch === ":") {
      tokenStart = i;
      if (digits === 0) {
        if (zerosAt !== void 0) return void 0;
        zerosAt = out.length;
        continue;
      }
      if (i === text.length) return void 0;
      if (out.length + 2 > 16) return void 0;
      out.push(value >> 8, value & 255);
      digits = 0;
      value = 0;
      continue;
    }
    if (ch === "." && out.length + 4 <= 16) {
      const v4 = parseInetPton4(text.slice(tokenStart));
      if (!v4) return void 0;
      out.push(...v4);
      digits = 0;
      i = text.length;
      break;
    }
    return void 0;
  }
  if (digits > 0) {
    if (out.length + 2 > 16) return void 0;
    out.push(value >> 8, value & 255);
  }
  if (zerosAt !== void 0) {
    if (out.length === 16) return void 0;
    out.splice(zerosAt, 0, ...new Array(16 - out.length).fill(0));
  }
  return out.length === 16 ? Uint8Array.from(out) : void 0;
}
function hostBitsZero(address, maskLength) {
  return address.bytes.every((byte, i) => (byte & ~maskByte(i, maskLength) & 255) === 0);
}
function maskByte(index, maskLength) {
  const bits = Math.max(0, Math.min(8, maskLength - index * 8));
  return 255 << 8 - bits & 255;
}
function maskAddress(address, maskLength) {
  return { family: address.family, bytes: address.bytes.map((byte, i) => byte & maskByte(i, maskLength)) };
}
function formatAddress(address) {
  if (address.family === 4) return Array.from(address.bytes).join(".");
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(address.bytes[i] << 8 | address.bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}

// src/parse/config/openssh-values.ts
var INT_MAX2 = 2147483647;
var LLONG_MAX = (1n << 63n) - 1n;
var LLONG_MIN = -(1n << 63n);
var LONG_MAX = LLONG_MAX;
function isCSpace(ch) {
  return ch === " " || ch === "	" || ch === "\n" || ch === "\v" || ch === "\f" || ch === "\r";
}
var isDigit2 = (ch) => ch !== void 0 && ch >= "0" && ch <= "9";
var isAlpha = (ch) => ch !== void 0 && /^[A-Za-z]$/.test(ch);
var isAlnum = (ch) => isDigit2(ch) || isAlpha(ch);
function cStrtol(s, base) {
  let i = 0;
  while (isCSpace(s[i])) i++;
  let negative = false;
  if (s[i] === "+" || s[i] === "-") {
    negative = s[i] === "-";
    i++;
  }
  let radix = base;
  const hexPrefix = s[i] === "0" && (s[i + 1] === "x" || s[i + 1] === "X") && /[0-9a-fA-F]/.test(s[i + 2] ?? "");
  if ((radix === 0 || radix === 16) && hexPrefix) {
    radix = 16;
    i += 2;
  } else if (radix === 0) {
    radix = s[i] === "0" ? 8 : 10;
  }
  const digitValue = (ch) => {
    if (ch === void 0) return -1;
    const v = parseInt(ch, 36);
    return Number.isNaN(v) || v >= radix ? -1 : v;
  };
  const start = i;
  let value = 0n;
  while (digitValue(s[i]) >= 0) {
    value = value * BigInt(radix) + BigInt(digitValue(s[i]));
    i++;
  }
  if (i === start) return { value: 0n, end: 0, overflow: false };
  if (negative) value = -value;
  if (value > LLONG_MAX) return { value: LLONG_MAX, end: i, overflow: true };
  if (value < LLONG_MIN) return { value: LLONG_MIN, end: i, overflow: true };
  return { value, end: i, overflow: false };
}
function strtonum(s, min, max) {
  const { value, end, overflow } = cStrtol(s, 10);
  if (end === 0 || end !== s.length) return { error: "invalid" };
  if (overflow && value === LLONG_MIN || value < BigInt(min)) return { error: "too small" };
  if (overflow && value === LLONG_MAX || value > BigInt(max)) return { error: "too large" };
  return { value: Number(value) };
}
function atoiErr(s) {
  if (s === void 0 || s === "") return { error: "missing" };
  return strtonum(s, 0, INT_MAX2);
}
var TCP_SERVICES = new Set(
  "tcpmux echo discard sink null systat users daytime netstat qotd quote chargen ttytst source ftp-data ftp ssh telnet smtp mail time timserver whois nicname tacacs domain gopher finger http www kerberos kerberos5 krb5 kerberos-sec iso-tsap tsap acr-nema dicom pop3 pop-3 sunrpc portmapper auth authentication tap ident nntp readnews untp epmap loc-srv netbios-ssn imap2 imap snmp snmp-trap snmptrap cmip-man cmip-agent mailq bgp smux qmtp z3950 wais pawserv zserv rpc2portmap codaauth2 ldap svrloc https snpp microsoft-ds kpasswd submissions ssmtp smtps urd saft rtsp nqs qmqp ipp ldp exec login shell printer spooler gdomap uucp uucpd klogin kshell afpovertcp nntps snntp ldaps tinc silc kerberos-adm domain-s webster gdbremote ftps-data ftps telnets imaps pop3s socks proofd rootd openvpn rmiregistry lotusnote ms-sql-s ms-sql-m ingreslock datametrics msp sieve kermit l2f l2tp radius radius-acct radacct rtcm-sc104 unix-status log-server remoteping nfs gsidcap gsiftp gsigatekeeper iscsi-target cvspserver venus venus-se codasrv codasrv-se mysql mysql-proxy distcc svn suucp sysrqd sieve epmd remctl f5-globalsite icpv2 icp mtn radmin-port rfe mmcc sip sip-tls aol xmpp-client jabber-client xmpp-server jabber-server cfengine mdns postgresql postgres freeciv amqps amqp noclog hostmon x11 x11-0 x11-1 x11-2 x11-3 x11-4 x11-5 x11-6 x11-7 gnutella-svc gnutella-rtr redis sge-qmaster sge_qmaster sge-execd sge_execd mysql-cluster gris xinetd kamanda amandaidx amidxtape git hkp smsqp zope-ftp tproxy omniorb clc-build-daemon xpilot nutcp isdnlog vboxd binkp asp csync2 sane-port sane saned ircd zope-zmq webmin kerberos4 kerberos-iv kerberos_master passwd_server krb-prop krb_prop krb5_prop zephyr-srv zephyr-clt zephyr-hm iprop supfilesrv supfiledbg poppassd moira_db moira_update spamd skkserv predict rmtcfg xtel xtelw support cfinger frox zebrasrv zebra ripd ripngd ospfd bgpd ospf6d ospfapi isisd afbackup afmbackup fax hylafax distmp3 munin enbd-cstatd enbd-sstatd pcrd noclog nbd sgi-crsd sgi-gcd sgi-cad sgi-cmsd zabbix-agent zabbix-trapper amanda hkps mandelspawn mandelbrot kpop knetd eklogin kx iprop supdup swat rmtcfg fido".split(" ")
);
function isTcpService(s) {
  return TCP_SERVICES.has(s);
}
function a2port(s, release) {
  const n = strtonum(s, 0, 65535);
  if ("value" in n) return n.value;
  if (isAtLeast(release, "7.9") && isTcpService(s)) return 1;
  return -1;
}
function convtime(s, release) {
  if (s === void 0 || s === "") return -1;
  if (isAtLeast(release, "10.3")) {
    const d = convtimeDouble(s);
    if (d < 0 || d > INT_MAX2) return -1;
    return Math.floor(d);
  }
  const intLimit = isAtLeast(release, "8.5");
  const limit = intLimit ? BigInt(INT_MAX2) : LONG_MAX;
  let total = 0n;
  let p = 0;
  while (p < s.length) {
    const { value: secs, end, overflow } = cStrtol(s.slice(p), 10);
    if (end === 0) return -1;
    if (!intLimit && overflow) return -1;
    if (secs < 0n) return -1;
    let q = p + end;
    const unit = s[q];
    let multiplier = 1n;
    if (unit === void 0) {
    } else {
      q++;
      switch (unit) {
        case "s":
        case "S":
          break;
        case "m":
        case "M":
          multiplier = 60n;
          break;
        case "h":
        case "H":
          multiplier = 3600n;
          break;
        case "d":
        case "D":
          multiplier = 86400n;
          break;
        case "w":
        case "W":
          multiplier = 604800n;
          break;
        default:
          return -1;
      }
    }
    if (isAtLeast(release, "8.0")) {
      if (intLimit ? secs > limit / multiplier : secs >= limit / multiplier) return -1;
      const scaled = secs * multiplier;
      if (intLimit ? total > limit - scaled : total >= limit - scaled) return -1;
      total += scaled;
    } else {
      total = BigInt.asIntN(64, total + BigInt.asIntN(64, secs * multiplier));
      if (total < 0n) return -1;
    }
    p = q;
  }
  return Number(total > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : total);
}
function convtimeDouble(s) {
  if (s === "") return -1;
  let total = 0;
  let seenSeconds = false;
  let p = 0;
  while (p < s.length) {
    if (!isDigit2(s[p]) && s[p] !== ".") return -1;
    const m = /^(\d+\.?\d*|\.\d+)/.exec(s.slice(p));
    if (!m) return -1;
    const text = m[1];
    const run = /^[0-9.]*/.exec(s.slice(p))[0];
    if (run.length !== text.length) return -1;
    const val = Number(text);
    const endp = p + text.length;
    let multiplier;
    switch (s[endp]) {
      case void 0:
      case "s":
      case "S":
        if (seenSeconds) return -1;
        seenSeconds = true;
        multiplier = 1;
        break;
      case "m":
      case "M":
        multiplier = 60;
        break;
      case "h":
      case "H":
        multiplier = 3600;
        break;
      case "d":
      case "D":
        multiplier = 86400;
        break;
      case "w":
      case "W":
        multiplier = 604800;
        break;
      default:
        return -1;
    }
    if (text.includes(".")) {
      if (multiplier > 1) return -1;
      if (!isDigit2(text[text.length - 1])) return -1;
    }
    total += val * multiplier;
    p = endp;
    if (p < s.length) p++;
  }
  return total;
}
function scanScaled(s) {
  const MAX_DIGITS = 21;
  const scaleChars = "BKMGTPE";
  let p = 0;
  while (isCSpace(s[p])) p++;
  let sign = 0;
  while (s[p] === "-" || s[p] === "+") {
    if (sign) return { errno: "EINVAL" };
    sign = s[p] === "-" ? -1 : 1;
    p++;
  }
  let ndigits = 0;
  let fractDigits = 0;
  let whole = 0n;
  let fpart = 0n;
  for (; isDigit2(s[p]) || s[p] === "."; p++) {
    if (s[p] === ".") {
      if (fractDigits > 0) return { errno: "EINVAL" };
      fractDigits = 1;
      continue;
    }
    const i = BigInt(s.charCodeAt(p) - 48);
    if (fractDigits > 0) {
      if (fractDigits >= MAX_DIGITS - 1) continue;
      fractDigits++;
      if (fpart > LLONG_MAX / 10n) return { errno: "ERANGE" };
      fpart *= 10n;
      if (i > LLONG_MAX - fpart) return { errno: "ERANGE" };
      fpart += i;
    } else {
      if (++ndigits >= MAX_DIGITS) return { errno: "ERANGE" };
      if (whole > LLONG_MAX / 10n) return { errno: "ERANGE" };
      whole *= 10n;
      if (i > LLONG_MAX - whole) return { errno: "ERANGE" };
      whole += i;
    }
  }
  if (sign) whole *= BigInt(sign);
  if (p >= s.length) return { value: whole };
  const index = scaleChars.indexOf(s[p].toUpperCase());
  if (index < 0 || !(s[p] === scaleChars[index] || s[p] === scaleChars[index].toLowerCase())) return { errno: "EINVAL" };
  if (isAlnum(s[p + 1])) return { errno: "EINVAL" };
  const factor = 1n << BigInt(10 * index);
  if (whole > LLONG_MAX / factor || whole < LLONG_MIN / factor) return { errno: "ERANGE" };
  whole *= factor;
  while (fpart >= LLONG_MAX / factor || fpart <= LLONG_MIN / factor) {
    fpart /= 10n;
    fractDigits--;
  }
  fpart *= factor;
  for (let k = 0; k < fractDigits - 1; k++) fpart /= 10n;
  whole = sign === -1 ? whole - fpart : whole + fpart;
  return { value: whole };
}
var STRERROR = { EINVAL: "Invalid argument", ERANGE: "Numerical result out of range" };
function sscanfInts(s, count2) {
  const values = [];
  let p = 0;
  for (let k = 0; k < count2; k++) {
    if (k > 0) {
      if (s[p] !== ":") break;
      p++;
    }
    let q = p;
    while (isCSpace(s[q])) q++;
    if (q >= s.length && values.length === 0) return { n: -1, values };
    const { value, end } = cStrtol(s.slice(q), 10);
    if (end === 0) break;
    values.push(Number(BigInt.asIntN(32, value)));
    p = q + end;
  }
  return { n: values.length, values };
}
function strdelim2(s, splitEquals = true) {
  if (s === null) return void 0;
  const delims = splitEquals ? ' 	\r\n"=' : ' 	\r\n"';
  let i = 0;
  while (i < s.length && !delims.includes(s[i])) i++;
  if (i >= s.length) return { token: s, rest: null };
  const skipWs = (from) => {
    let j = from;
    while (j < s.length && " 	\r\n".includes(s[j])) j++;
    return j;
  };
  if (s[i] === '"') {
    const close = s.indexOf('"', i + 1);
    if (close === -1) return void 0;
    const token = s.slice(0, i) + s.slice(i + 1, close);
    return { token, rest: s.slice(skipWs(close + 1)) };
  }
  const wspace = splitEquals && s[i] === "=";
  let next = skipWs(i + 1);
  if (splitEquals && s[next] === "=" && !wspace) next = skipWs(next + 1);
  return { token: s.slice(0, i), rest: s.slice(next) };
}
function hpdelim2(s) {
  let i;
  if (s.startsWith("[")) {
    const close = s.indexOf("]");
    if (close === -1) return void 0;
    i = close + 1;
  } else {
    const m = /[:/]/.exec(s);
    i = m ? m.index : s.length;
  }
  if (i >= s.length) return { host: s, rest: null };
  const ch = s[i];
  if (ch === ":" || ch === "/") return { host: s.slice(0, i), rest: s.slice(i + 1), delim: ch };
  return void 0;
}
function hpdelim(s) {
  const r = hpdelim2(s);
  if (!r || r.delim === "/") return void 0;
  return { host: r.host, rest: r.rest };
}
function cleanhostname(host2) {
  return host2.startsWith("[") && host2.endsWith("]") && host2.length >= 2 ? host2.slice(1, -1) : host2;
}
function validDomain(name) {
  if (name === "") return "empty domain name";
  if (!isAlnum(name[0])) return `domain name "${name.slice(0, 100)}" starts with invalid character`;
  let last = "";
  for (const raw of name) {
    const c = raw.toLowerCase();
    if (last === "." && c === ".") return `domain name "${name.slice(0, 100)}" contains consecutive separators`;
    if (c !== "." && c !== "-" && c !== "_" && !isAlnum(c)) return `domain name "${name.slice(0, 100)}" contains invalid characters`;
    last = c;
  }
  return void 0;
}
function validEnvName(name) {
  return name !== "" && /^[A-Za-z0-9_]+$/.test(name);
}
function dollarSyntaxError(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "$" || s[i + 1] !== "{") continue;
    const close = s.indexOf("}", i + 2);
    if (close === -1) return `environment variable '${s.slice(i + 2)}' missing closing '}'`;
    if (close === i + 2) return "zero-length environment variable";
    i = close;
  }
  return void 0;
}
function hasDollarReference(s) {
  return /\$\{[^}]+\}/.test(s);
}
function percentSyntaxError(s, tokens) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== "%") continue;
    const next = s[i + 1];
    if (next === "%") {
      i++;
      continue;
    }
    if (next === void 0) return "invalid format";
    if (!tokens.includes(next)) return `unknown key %${next}`;
    i++;
  }
  return void 0;
}
function addrMatchListCheck(list, release) {
  for (const raw of list.split(",")) {
    const entry2 = raw.startsWith("!") ? raw.slice(1) : raw;
    if (entry2 === "") return -2;
    const parsed = parseCidr(entry2, release);
    if (parsed.kind === "mask-too-long" || parsed.kind === "host-bits") return -2;
  }
  return 0;
}
function addrMatchCidrListCheck(list, release) {
  for (const entry2 of list.split(",")) {
    if (entry2 === "") return `empty entry in list "${list.slice(0, 100)}"`;
    if (entry2.length > 46 + 3) return `list entry "${entry2.slice(0, 100)}" too long`;
    const parsed = parseCidr(entry2, release);
    if (!/^[0-9a-fA-F.:/]*$/.test(entry2)) {
      if (parsed.kind === "not-an-address" || parsed.kind === "unknown") return `Invalid network entry "${entry2.slice(0, 100)}"`;
      return `list entry "${entry2.slice(0, 100)}" contains invalid characters`;
    }
    if (parsed.kind === "not-an-address" || parsed.kind === "unknown") return `Invalid network entry "${entry2.slice(0, 100)}"`;
    if (parsed.kind === "mask-too-long" || parsed.kind === "host-bits") return `Inconsistent mask length for network "${entry2.slice(0, 100)}"`;
  }
  return void 0;
}
function sshReleaseString(release) {
  return `OpenSSH_${release}p1`;
}
function matchPattern2(s, pattern) {
  let si = 0;
  let pi = 0;
  let starP = -1;
  let starS = 0;
  while (si < s.length) {
    const pc = pattern[pi];
    if (pc === "*") {
      starP = pi++;
      starS = si;
    } else if (pc !== void 0 && (pc === "?" || pc === s[si])) {
      si++;
      pi++;
    } else if (starP >= 0) {
      pi = starP + 1;
      si = ++starS;
    } else return false;
  }
  while (pattern[pi] === "*") pi++;
  return pi === pattern.length;
}
function matchPatternList2(s, list, dolower = false) {
  let got = false;
  for (const raw of list.split(",")) {
    const negated = raw.startsWith("!");
    let sub = negated ? raw.slice(1) : raw;
    if (dolower) sub = sub.toLowerCase();
    if (matchPattern2(s, sub)) {
      if (negated) return -1;
      got = true;
    }
  }
  return got ? 1 : 0;
}

// src/parse/config/validate-match.ts
function matchWords(directive, release) {
  if (isAtLeast(release, "9.9")) {
    return { words: directive.args.map((a) => ({ text: a.value, range: a.range })), leftover: false };
  }
  const words2 = [];
  let rest = directive.rest;
  for (; ; ) {
    const t = strdelim2(rest);
    if (!t) return { words: words2, leftover: false };
    words2.push({ text: t.token });
    rest = t.rest;
    if (rest === null) return { words: words2, leftover: false };
    if (t.token === "") return { words: words2, leftover: rest !== "" };
  }
}
var Words = class {
  constructor(words2, strdelimMode) {
    this.words = words2;
    this.strdelimMode = strdelimMode;
  }
  words;
  strdelimMode;
  i = 0;
  next() {
    const w = this.words[this.i];
    if (w === void 0) return void 0;
    this.i++;
    return w;
  }
  /** In strdelim mode an empty token ends the walk (`*attrib != '\0'`). */
  get stopsAtEmpty() {
    return this.strdelimMode;
  }
  consumeAll() {
    this.i = this.words.length;
  }
  get remaining() {
    return this.words.length - this.i;
  }
};
var SSHD_CRITERIA_ARG = ["user", "group", "host", "address", "localaddress", "localport", "rdomain"];
function problem(message, severity, range, code3 = "bad-match") {
  return range ? { code: code3, message, severity, range } : { code: code3, message, severity };
}
function splitPatterns(value) {
  return value.split(",");
}
function validateMatch(directive, context) {
  return context.program === "sshd" ? validateSshdMatch(directive, context.release) : validateSshMatch(directive, context.release);
}
function validateSshdMatch(directive, release) {
  const criteria = { criteria: [] };
  const argvMode = isAtLeast(release, "9.9");
  const { words: list, leftover } = matchWords(directive, release);
  const words2 = new Words(list, !argvMode);
  const bad = (message, range) => ({
    criteria,
    problem: problem(`${message}; Bad Match condition`, "fatal", range),
    activeWithoutConnection: false
  });
  let attributes = 0;
  let active = true;
  for (; ; ) {
    const attrib = words2.next();
    if (!attrib || words2.stopsAtEmpty && attrib.text === "") break;
    if (attrib.text.startsWith("#")) {
      words2.consumeAll();
      break;
    }
    attributes++;
    const lower2 = attrib.text.toLowerCase();
    if (lower2 === "all") {
      const arg = words2.next();
      if (attributes > 1 || arg !== void 0 && arg.text !== "" && !arg.text.startsWith("#")) {
        return bad("'all' cannot be combined with other Match attributes", attrib.range);
      }
      if (arg?.text.startsWith("#")) words2.consumeAll();
      criteria.all = true;
      return finish(criteria, true, words2, leftover, directive);
    }
    if (lower2 === "invalid-user" && isAtLeast(release, "9.9")) {
      criteria.criteria.push({ name: "invalid-user", patterns: [] });
      active = false;
      continue;
    }
    let name = lower2;
    let value;
    let valueRange = attrib.range;
    const eq = attrib.text.indexOf("=");
    const prefixed = isAtLeast(release, "10.0") && eq > 0 && [...SSHD_CRITERIA_ARG, "version"].includes(attrib.text.slice(0, eq).toLowerCase());
    if (prefixed) {
      name = attrib.text.slice(0, eq).toLowerCase();
      value = attrib.text.slice(eq + 1);
    } else {
      const arg = words2.next();
      value = arg?.text;
      valueRange = arg?.range ?? attrib.range;
    }
    if (value === void 0 || value === "" || value.startsWith("#")) {
      return bad(`Missing Match criteria for ${prefixed ? attrib.text.slice(0, eq) : attrib.text}`, attrib.range);
    }
    switch (name) {
      case "user":
      case "group":
      case "host":
      case "rdomain":
        break;
      case "address":
      case "localaddress":
        if (addrMatchListCheck(value, release) !== 0) {
          const what = name === "address" ? "address" : "localaddress";
          return {
            criteria,
            problem: problem(`Invalid Match ${what} argument '${value}' at line ${directive.line.number}`, "fatal", valueRange),
            activeWithoutConnection: false
          };
        }
        break;
      case "localport":
        if (a2port(value, release) === -1) return bad(`Invalid LocalPort '${value}' on Match line`, valueRange);
        break;
      case "version":
        if (isAtLeast(release, "10.0")) {
          if (matchPatternList2(sshReleaseString(release), value) !== 1) active = false;
          criteria.criteria.push({ name, patterns: splitPatterns(value), value });
          continue;
        }
        return bad(`Unsupported Match attribute ${attrib.text}`, attrib.range);
      default:
        return bad(`Unsupported Match attribute ${attrib.text}`, attrib.range);
    }
    criteria.criteria.push({ name, patterns: splitPatterns(value), value });
    active = false;
  }
  if (attributes === 0) return bad("One or more attributes required for Match", directive.keywordRange);
  return finish(criteria, active, words2, leftover, directive);
}
function finish(criteria, active, words2, leftover, directive) {
  if (leftover || words2.remaining > 0) {
    return {
      criteria,
      problem: problem(`keyword ${directive.keyword} extra arguments at end of line`, "error", directive.restRange, "extra-arguments"),
      activeWithoutConnection: active
    };
  }
  return { criteria, activeWithoutConnection: active };
}
var SSH_PREFIXABLE = ["host", "originalhost", "user", "localuser", "localnetwork", "version", "tagged", "command", "exec"];
function execTokens(release) {
  return isAtLeast(release, "9.6") ? "CLdhklnpruij" : "CLdhklnpru" + (isAtLeast(release, "8.4") ? "i" : "");
}
function sshCriterionKnown(name, release) {
  switch (name) {
    case "host":
    case "originalhost":
    case "user":
    case "localuser":
    case "exec":
      return true;
    case "localnetwork":
    case "tagged":
      return isAtLeast(release, "9.4");
    case "command":
    case "version":
    case "sessiontype":
      return isAtLeast(release, "10.0");
    default:
      return false;
  }
}
function validateSshMatch(directive, release) {
  const criteria = { criteria: [] };
  const argvMode = isAtLeast(release, "9.9");
  const { words: list, leftover } = matchWords(directive, release);
  const words2 = new Words(list, !argvMode);
  const bad = (message, range) => ({
    criteria,
    problem: problem(`${message}; Bad Match condition`, "error", range),
    activeWithoutConnection: false
  });
  let attributes = 0;
  for (; ; ) {
    const attrib = words2.next();
    if (!attrib || words2.stopsAtEmpty && attrib.text === "") break;
    if (attrib.text.startsWith("#")) {
      words2.consumeAll();
      break;
    }
    const negated = attrib.text.startsWith("!");
    const text = negated ? attrib.text.slice(1) : attrib.text;
    const lower2 = text.toLowerCase();
    if (lower2 === "all") {
      const arg = words2.next();
      if (attributes > 1 || arg !== void 0 && arg.text !== "" && !arg.text.startsWith("#")) {
        return bad(`'${attrib.text}' cannot be combined with other Match attributes`, attrib.range);
      }
      if (arg?.text.startsWith("#")) words2.consumeAll();
      if (negated) criteria.negatedAll = true;
      else criteria.all = true;
      return finish(criteria, false, words2, leftover, directive);
    }
    attributes++;
    if (lower2 === "canonical" || lower2 === "final") {
      criteria.criteria.push(negated ? { name: lower2, negated: true, patterns: [] } : { name: lower2, patterns: [] });
      continue;
    }
    let name = lower2;
    let value;
    let valueRange = attrib.range;
    const eq = text.indexOf("=");
    const prefixed = isAtLeast(release, "10.0") && eq > 0 && SSH_PREFIXABLE.includes(text.slice(0, eq).toLowerCase());
    if (prefixed) {
      name = text.slice(0, eq).toLowerCase();
      value = text.slice(eq + 1);
    } else {
      const arg = words2.next();
      if (arg === void 0 && isAtLeast(release, "10.0")) {
        return bad(`missing argument for Match '${attrib.text}'`, attrib.range);
      }
      value = arg?.text;
      valueRange = arg?.range ?? attrib.range;
    }
    const emptyAllowed = isAtLeast(release, "10.0") && (name === "tagged" || name === "command");
    if (value === void 0 || value === "" && !emptyAllowed || value.startsWith("#")) {
      return bad(`Missing Match criteria for ${prefixed ? text.slice(0, eq) : text}`, attrib.range);
    }
    if (!sshCriterionKnown(name, release)) return bad(`Unsupported Match attribute ${text}`, attrib.range);
    if (name === "localnetwork") {
      const complaint = addrMatchCidrListCheck(value, release);
      if (complaint) return bad(complaint, valueRange);
    }
    if (name === "exec") {
      const complaint = percentSyntaxError(value, execTokens(release));
      if (complaint) {
        return {
          criteria,
          problem: problem(`${complaint}; percent_expand: failed`, "fatal", valueRange),
          activeWithoutConnection: false
        };
      }
    }
    const entry2 = { name, patterns: name === "exec" ? [value] : splitPatterns(value), value };
    if (negated) entry2.negated = true;
    criteria.criteria.push(entry2);
  }
  if (attributes === 0) return bad("One or more attributes required for Match", directive.keywordRange);
  return finish(criteria, false, words2, leftover, directive);
}
function validateSshHost(directive, context) {
  const patterns = [];
  for (const arg of directive.args) {
    if (arg.value === "") {
      if (isAtLeast(context.release, "8.7")) {
        return {
          criteria: { criteria: [{ name: "host", patterns }] },
          problem: problem(`keyword ${directive.keyword.toLowerCase()} empty argument`, "error", arg.range, "bad-match"),
          activeWithoutConnection: false
        };
      }
      break;
    }
    patterns.push(arg.value);
  }
  return { criteria: { criteria: [{ name: "host", patterns }] }, activeWithoutConnection: false };
}

// src/parse/config/validate-directive.ts
function validateDirective(directive, context) {
  return context.program === "sshd" ? validateSshd(directive, context) : validateSsh(directive, context);
}
function verdictStatus(k) {
  return k.status === "rejected" ? "unsupported" : k.status;
}
function baseVerdict(directive, k) {
  const v = { directive, canonical: k.aliasOf ?? k.name, status: verdictStatus(k), keyword: k };
  if (k.aliasOf) v.aliasOf = k.name;
  return v;
}
function validateSshd(directive, ctx) {
  const k = sshdKeyword(directive.keyword, ctx.release, ctx.build);
  if (!k) {
    const problem2 = {
      code: "unknown-keyword",
      message: `Bad configuration option: ${directive.keyword}`,
      range: directive.keywordRange,
      severity: "error"
    };
    if (ctx.inMatch) {
      problem2.severity = "fatal";
      problem2.message += `; Directive '${directive.keyword}' is not allowed within a Match block`;
    }
    const suggestion = suggestKeyword(directive.keyword, ctx);
    if (suggestion) problem2.suggestion = suggestion;
    return { directive, problem: problem2 };
  }
  const verdict = baseVerdict(directive, k);
  if (ctx.inMatch && !k.allowedInMatch) {
    verdict.problem = {
      code: "not-allowed-in-match",
      message: `Directive '${directive.keyword}' is not allowed within a Match block`,
      range: directive.keywordRange,
      severity: "fatal"
    };
    return verdict;
  }
  if (k.status === "rejected") {
    verdict.problem = {
      code: "not-supported",
      message: "setting RDomain not supported on this platform.",
      range: directive.keywordRange,
      severity: "fatal"
    };
    return verdict;
  }
  if (k.status !== "active") return verdict;
  return runHandler(verdict, directive, k, ctx);
}
function validateSsh(directive, ctx) {
  const k = sshKeyword(directive.keyword, ctx.release, ctx.build);
  const lower2 = directive.keyword.toLowerCase();
  if (!k) {
    if ((ctx.ignoreUnknown ?? []).some((list) => matchPatternList2(lower2, list, true) === 1)) {
      return { directive };
    }
    const problem2 = {
      code: "unknown-keyword",
      message: `Bad configuration option: ${lower2}`,
      range: directive.keywordRange,
      severity: "error"
    };
    const suggestion = suggestKeyword(directive.keyword, ctx);
    if (suggestion) problem2.suggestion = suggestion;
    return { directive, problem: problem2 };
  }
  const verdict = baseVerdict(directive, k);
  if (k.status !== "active") return verdict;
  return runHandler(verdict, directive, k, ctx);
}
function editDistance(a, b) {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
function suggestKeyword(keyword, context) {
  const name = keyword.toLowerCase();
  const limit = name.length <= 4 ? 1 : name.length <= 10 ? 2 : 3;
  const known = context.program === "sshd" ? sshdKeywordsAt(context.release, context.build) : sshKeywordsAt(context.release, context.build);
  let best;
  let bestDistance = limit + 1;
  for (const k of known) {
    if (k.status !== "active" && k.status !== "deprecated") continue;
    const d = editDistance(name, k.name.toLowerCase());
    if (d < bestDistance) {
      best = k.name;
      bestDistance = d;
    }
  }
  return best;
}
var Args = class {
  constructor(list) {
    this.list = list;
  }
  list;
  i = 0;
  next() {
    const a = this.list[this.i];
    if (a !== void 0) this.i++;
    return a;
  }
  peek() {
    return this.list[this.i];
  }
  consumeAll() {
    this.i = this.list.length;
  }
  get remaining() {
    return this.list.length - this.i;
  }
  get position() {
    return this.i;
  }
};
var at = (release, since) => isAtLeast(release, since);
function runHandler(verdict, d, k, ctx) {
  const program = ctx.program;
  const env = {
    d,
    k,
    ctx,
    program,
    release: ctx.release,
    args: new Args(d.args),
    kw: program === "sshd" ? d.keyword : d.keyword.toLowerCase(),
    valueSeverity: program === "sshd" || !at(ctx.release, "8.5") ? "fatal" : "error"
  };
  const problem2 = handle(env, k.grammar) ?? extraArguments(env);
  if (env.match) verdict.match = env.match;
  if (env.activeWhileParsing !== void 0) verdict.activeWhileParsing = env.activeWhileParsing;
  if (problem2) verdict.problem = problem2;
  return verdict;
}
function extraArguments(e) {
  if (e.args.remaining === 0) return void 0;
  const first = e.args.peek();
  const last = e.d.args[e.d.args.length - 1];
  const range = { start: first.range.start, end: last.range.end };
  if (at(e.release, "8.7")) {
    return { code: "extra-arguments", message: `keyword ${e.kw} extra arguments at end of line`, range, severity: "error" };
  }
  const severity = e.program === "ssh" && at(e.release, "8.5") ? "error" : "fatal";
  return { code: "extra-arguments", message: `garbage at end of line; "${first.value.slice(0, 200)}".`, range, severity };
}
function fail(e, code3, message, arg, severity = e.valueSeverity) {
  return { code: code3, message, range: arg?.range ?? e.d.keywordRange, severity };
}
var missing = (a) => a === void 0 || a.value === "";
function handle(e, g) {
  switch (g.kind) {
    case "ignored":
      e.args.consumeAll();
      return void 0;
    case "flag":
      return flag2(e);
    case "choice":
      return choice2(e, g.values, g.caseSensitive === true);
    case "integer":
      return integer2(e, g.noneKeyword, g.min, g.max);
    case "time":
      return time2(e, g.none === true);
    case "algorithms":
      return algorithmList(e, g.list);
    case "words":
      return wordList(e, g.noneAlone === true, g.nonEmpty === true);
    case "path":
    case "string":
      return single(e);
    case "rest-of-line":
      return restOfLine2(e, g.absolutePathOrNone === true);
    case "port":
      return port(e);
    case "log-level":
      return named2(e, LOG_LEVELS, "unsupported log level");
    case "syslog-facility":
      return named2(e, SYSLOG_FACILITIES, "unsupported log facility");
    case "rekey-limit":
      return rekeyLimit(e);
    case "ipqos":
      return ipqos(e);
    case "channel-timeout":
      return channelTimeout(e);
    case "version-addendum":
      return versionAddendum(e);
    case "include":
      return include(e);
    case "match":
      return match(e);
    case "host-patterns":
      return host(e);
    case "listen-address":
      return listenAddress(e);
    case "max-startups":
      return maxStartups(e);
    case "per-source-net-block-size":
      return perSourceNetBlockSize(e);
    case "per-source-penalties":
      return perSourcePenalties(e);
    case "address-list":
      return addressList(e);
    case "user-patterns":
      return userPatterns(e);
    case "group-patterns":
      return groupPatterns(e);
    case "env-names":
      return envNames(e);
    case "env-assignments":
      return envAssignments(e);
    case "path-list":
      return pathList(e);
    case "permit-open":
    case "permit-listen":
      return permitOpen(e, g.kind === "permit-listen");
    case "permit-remote-open":
      return permitRemoteOpen(e);
    case "authentication-methods":
      return authenticationMethods(e);
    case "subsystem":
      return subsystem(e);
    case "permit-user-environment":
      return permitUserEnvironment(e);
    case "pubkey-auth-options":
      return pubkeyAuthOptions(e);
    case "octal-mask":
      return octalMask(e);
    case "rdomain":
      return rdomain(e);
    case "forward-local":
    case "forward-remote":
    case "forward-dynamic":
      return forward(e, g.kind);
    case "escape-char":
      return escapeChar(e);
    case "control-persist":
      return controlPersist(e);
    case "tunnel-device":
      return tunnelDevice(e);
    case "add-keys-to-agent":
      return addKeysToAgent(e);
    case "agent-socket":
      return agentSocket(e, e.args.next());
    case "forward-agent":
      return forwardAgent(e);
    case "proxy-jump":
      return proxyJump(e);
    case "canonical-domains":
      return canonicalDomains(e);
    case "permitted-cnames":
      return permittedCnames(e);
    case "known-hosts-files":
      return knownHostsFiles(e);
    case "obscure-keystroke-timing":
      return obscureKeystrokeTiming(e);
  }
}
function multistateMissing(_e) {
  return "missing argument.";
}
function flag2(e) {
  const arg = e.args.next();
  if (e.program === "sshd" && !at(e.release, "7.7")) {
    if (missing(arg)) return fail(e, "no-argument", "missing yes/no argument.", arg);
    if (arg.value !== "yes" && arg.value !== "no") return fail(e, "bad-value", `Bad yes/no argument: ${arg.value}`, arg);
    return void 0;
  }
  const { values } = flagValues(e.program, e.release);
  return multistate(e, arg, values);
}
function multistate(e, arg, values) {
  if (missing(arg)) return fail(e, "no-argument", multistateMissing(e), arg);
  const lower2 = arg.value.toLowerCase();
  if (!values.some((v) => v.toLowerCase() === lower2)) return fail(e, "bad-value", `unsupported option "${arg.value}".`, arg);
  return void 0;
}
function choice2(e, values, caseSensitive) {
  const name = e.k.aliasOf ?? e.k.name;
  if (name === "FingerprintHash") return fingerprintHash(e);
  if (name === "PermitTunnel" && e.program === "sshd") {
    const arg2 = e.args.next();
    if (missing(arg2)) {
      return fail(e, "no-argument", at(e.release, "8.7") ? `${e.kw} missing argument.` : "Missing yes/point-to-point/ethernet/no argument.", arg2);
    }
    if (!values.includes(arg2.value)) {
      return fail(e, "bad-value", at(e.release, "8.7") ? `bad ${e.kw} argument ${arg2.value}` : `Bad yes/point-to-point/ethernet/no argument: ${arg2.value}`, arg2);
    }
    return void 0;
  }
  if (name === "Protocol" && e.program === "ssh") {
    const arg2 = e.args.next();
    if (missing(arg2)) return fail(e, "no-argument", "Missing argument.", arg2);
    if (!/^[12](,[12])?$/.test(arg2.value) && !/^\s*[12]\s*(,\s*[12]\s*)*$/.test(arg2.value)) {
      return fail(e, "bad-value", `Bad protocol spec '${arg2.value}'.`, arg2);
    }
    return void 0;
  }
  const arg = e.args.next();
  if (caseSensitive) {
    if (missing(arg)) return fail(e, "no-argument", multistateMissing(e), arg);
    if (!values.includes(arg.value)) return fail(e, "bad-value", `unsupported option "${arg.value}".`, arg);
    return void 0;
  }
  return multistate(e, arg, values);
}
function fingerprintHash(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", e.program === "sshd" && at(e.release, "8.7") ? `${e.kw} missing argument.` : "Missing argument.", arg);
  if (!DIGEST_NAMES.includes(arg.value.toLowerCase())) {
    return fail(e, "bad-value", e.program === "sshd" ? `Invalid ${e.kw} algorithm "${arg.value}".` : `Invalid hash algorithm "${arg.value}".`, arg);
  }
  return void 0;
}
function integer2(e, noneKeyword, min, max) {
  const arg = e.args.next();
  if (noneKeyword !== void 0) {
    if (missing(arg)) return fail(e, "no-argument", at(e.release, "8.7") ? `${e.kw} missing argument.` : `Missing ${e.kw} spec.`, arg);
    if (arg.value === noneKeyword) return void 0;
  }
  const syntax = integerSyntax(e.program, e.release);
  if (syntax === "atoi") {
    if (missing(arg)) return fail(e, "no-argument", "missing integer value.", arg);
    return void 0;
  }
  if (syntax === "strtol-base0") {
    if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
    const v = arg.value;
    if (v[0] < "0" || v[0] > "9") return fail(e, "bad-value", "Bad number.", arg);
    return void 0;
  }
  const r = atoiErr(arg?.value);
  if ("error" in r) {
    const code3 = r.error === "missing" ? "no-argument" : "bad-value";
    const message = e.program === "sshd" && at(e.release, "8.7") ? `${e.kw} integer value ${r.error}.` : `integer value ${r.error}.`;
    return fail(e, code3, message, arg);
  }
  if (min !== void 0 && r.value < min || max !== void 0 && r.value > max) {
    return fail(e, "bad-value", "value out of range.", arg);
  }
  return void 0;
}
function time2(e, none) {
  const arg = e.args.next();
  const name = e.k.aliasOf ?? e.k.name;
  if (e.program === "sshd" && name === "UnusedConnectionTimeout" && arg && arg.value.toLowerCase() === "none") return void 0;
  return timeValue(e, arg, e.program === "ssh" && none);
}
function timeValue(e, arg, none) {
  if (missing(arg)) return fail(e, "no-argument", "missing time value.", arg);
  if (none && arg.value === "none") return void 0;
  if (convtime(arg.value, e.release) === -1) return fail(e, "bad-value", "invalid time value.", arg);
  return void 0;
}
function single(e) {
  const arg = e.args.next();
  if (!missing(arg)) return void 0;
  return fail(e, "no-argument", singleMissingMessage(e), arg);
}
function singleMissingMessage(e) {
  if (e.program === "ssh") return "Missing argument.";
  const name = e.k.aliasOf ?? e.k.name;
  const modern = at(e.release, "8.7");
  switch (name) {
    case "HostKey":
    case "HostCertificate":
    case "PidFile":
    case "ModuliFile":
    case "Banner":
    case "XAuthLocation":
    case "TrustedUserCAKeys":
    case "RevokedKeys":
    case "SshdSessionPath":
    case "SshdAuthPath":
      return "missing file name.";
    case "HostKeyAgent":
      return "missing socket name.";
    case "AuthorizedKeysCommandUser":
    case "AuthorizedPrincipalsCommandUser":
      return `missing ${e.kw} argument.`;
    case "PAMServiceName":
      return "missing argument.";
    case "GSSAPIKexAlgorithms":
      return "Missing argument.";
    default:
      return modern ? `${e.kw} missing argument.` : "Missing argument.";
  }
}
function restOfLine2(e, absolutePathOrNone) {
  e.args.consumeAll();
  if (!absolutePathOrNone) return void 0;
  if (e.program === "sshd" && !at(e.release, "8.7") && e.ctx.inMatch) return void 0;
  let i = 0;
  const str = e.d.rest;
  while (i < str.length && " 	\r\n".includes(str[i])) i++;
  const text = str.slice(i);
  if (text.startsWith("/") || text.toLowerCase() === "none") return void 0;
  return { code: "bad-value", message: `${e.kw} must be an absolute path`, range: e.d.restRange, severity: "fatal" };
}
function named2(e, names, what) {
  const arg = e.args.next();
  if (arg && names.some((n) => n.toLowerCase() === arg.value.toLowerCase())) return void 0;
  return fail(e, arg ? "bad-value" : "no-argument", `${what} '${arg ? arg.value : "<NONE>"}'`, arg);
}
function algorithmList(e, list) {
  const arg = e.args.next();
  const name = e.k.aliasOf ?? e.k.name;
  if (list === "gss-kex") return gssKexList(e, arg);
  if (missing(arg)) {
    const classic = list === "cipher" || list === "mac" || list === "kex";
    const message = e.program === "sshd" && classic && at(e.release, "8.7") ? `${e.kw} missing argument.` : "Missing argument.";
    return fail(e, "no-argument", message, arg);
  }
  const keyword = algorithmKeywordFor(name, list, e.program);
  const result = resolveAlgorithmList(keyword, arg.value, e.release, e.program === "sshd" ? "server" : "client");
  if (!result.ok && result.error.stage === "parse") {
    const message = result.error.detail ? `${result.error.detail}; ${result.error.message}` : result.error.message;
    return fail(e, "bad-algorithm", message, arg);
  }
  return void 0;
}
function algorithmKeywordFor(name, list, program) {
  const known = algorithmKeyword(name, program === "sshd" ? "server" : "client");
  if (known) return known;
  switch (list) {
    case "cipher":
      return "Ciphers";
    case "mac":
      return "MACs";
    case "kex":
      return "KexAlgorithms";
    case "sig":
      return "CASignatureAlgorithms";
    case "key":
      return name.toLowerCase().startsWith("hostbased") ? "HostbasedAcceptedAlgorithms" : "PubkeyAcceptedAlgorithms";
  }
}
var GSS_KEX = [
  "gss-gex-sha1-",
  "gss-group1-sha1-",
  "gss-group14-sha1-",
  "gss-group14-sha256-",
  "gss-group16-sha512-",
  "gss-nistp256-sha256-",
  "gss-curve25519-sha256-"
];
function gssKexList(e, arg) {
  if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
  for (const p of arg.value.split(",")) {
    if (p === "") break;
    if (!p.startsWith("gss-") || !GSS_KEX.some((k) => p.startsWith(k))) {
      return fail(e, "bad-algorithm", `Unsupported KEX algorithm "${p.slice(0, 100)}"; Bad GSSAPI KexAlgorithms '${arg.value}'.`, arg);
    }
  }
  return void 0;
}
function wordList(e, noneAlone, nonEmpty) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (nonEmpty && arg.value === "") return fail(e, "bad-value", `keyword ${e.kw} empty argument`, arg, "error");
    if (noneAlone && arg.value.toLowerCase() === "none" && (count2 > 0 || e.args.remaining > 0)) {
      return fail(e, "bad-value", `keyword ${e.kw} "none" argument must appear alone.`, arg, "error");
    }
    count2++;
  }
  if (count2 === 0 && at(e.release, "9.7") && e.program === "sshd") return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function userPatterns(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count2++;
    const v = arg.value;
    const at8 = v.indexOf("@");
    if (v === "" && at(e.release, "8.7") || at8 !== -1 && addrMatchListCheck(v.slice(at8 + 1), e.release) !== 0) {
      return fail(e, "bad-value", `invalid ${at(e.release, "8.7") ? e.kw : e.k.name} pattern: "${v}"`, arg);
    }
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`);
  return void 0;
}
function groupPatterns(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count2++;
    if (arg.value === "" && at(e.release, "8.7")) return fail(e, "bad-value", `empty ${e.kw} pattern`, arg);
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`);
  return void 0;
}
function envNames(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count2++;
    if (arg.value === "" || arg.value.includes("=")) return fail(e, "bad-value", "Invalid environment name.", arg);
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function envAssignments(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count2++;
    if (e.program === "sshd") {
      if (arg.value === "" && at(e.release, "8.7") || !arg.value.includes("=")) return fail(e, "bad-value", "Invalid environment.", arg);
    } else if (!arg.value.includes("=")) {
      return fail(e, "bad-value", "Invalid SetEnv.", arg);
    }
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function pathList(e) {
  let count2 = 0;
  const checked = at(e.release, "8.7");
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (checked && arg.value === "") return fail(e, "bad-value", `keyword ${e.kw} empty argument`, arg, "error");
    if (at(e.release, "10.3") && arg.value.toLowerCase() === "none" && (count2 > 0 || e.args.remaining > 0)) {
      return fail(e, "bad-value", `keyword ${e.kw} "none" argument must appear alone.`, arg, "error");
    }
    count2++;
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function port(e) {
  const arg = e.args.next();
  if (e.program === "sshd") {
    if (missing(arg)) return fail(e, "no-argument", "missing port number.", arg);
    if (a2port(arg.value, e.release) <= 0) return fail(e, "bad-value", "Badly formatted port number.", arg);
    return void 0;
  }
  if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
  if (a2port(arg.value, e.release) <= 0) return fail(e, "bad-value", `Bad port '${arg.value}'.`, arg);
  return void 0;
}
function rekeyLimit(e) {
  const arg = e.args.next();
  const sshd = e.program === "sshd";
  if (missing(arg)) return fail(e, "no-argument", sshd && at(e.release, "8.7") ? `${e.kw} missing argument.` : "Missing argument.", arg);
  if (arg.value !== "default") {
    const r = scanScaled(arg.value);
    if ("errno" in r) {
      const message = sshd && at(e.release, "8.7") ? `Bad ${e.kw} number '${arg.value}': ${STRERROR[r.errno]}` : `Bad number '${arg.value}': ${STRERROR[r.errno]}`;
      return fail(e, "bad-value", message, arg);
    }
    if (r.value !== 0n && r.value < 16n) return fail(e, "bad-value", sshd && at(e.release, "8.7") ? `${e.kw} too small` : "RekeyLimit too small", arg);
  }
  if (e.args.remaining === 0) return void 0;
  if (e.args.peek().value === "none") {
    e.args.next();
    return void 0;
  }
  return timeValue(e, e.args.next(), e.program === "ssh");
}
function ipqosValue(value, release) {
  if (ipqosNames(release).some((n) => n === value.toLowerCase())) return true;
  if (at(release, "9.8")) return "value" in strtonum(value, 0, 255);
  const { value: v, end } = cStrtol(value, 0);
  return value !== "" && end === value.length && v >= 0n && v <= 255n;
}
function ipqos(e) {
  const arg = e.args.next();
  const label = e.program === "sshd" ? e.kw : "IPQoS";
  if (e.program === "sshd" && missing(arg)) {
    return fail(e, "no-argument", at(e.release, "8.7") ? `${e.kw} missing argument.` : "Missing argument.", arg);
  }
  if (!arg || !ipqosValue(arg.value, e.release)) {
    return fail(e, arg ? "bad-value" : "no-argument", `Bad ${label} value: ${arg ? arg.value : "(null)"}`, arg);
  }
  const second = e.args.next();
  if (second && !ipqosValue(second.value, e.release)) return fail(e, "bad-value", `Bad ${label} value: ${second.value}`, second);
  return void 0;
}
function channelTimeout(e) {
  let count2 = 0;
  const counts = at(e.release, "9.7");
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (arg.value.toLowerCase() === "none") {
      if (counts && count2 > 0 || e.args.remaining > 0) return fail(e, "bad-value", `keyword ${e.kw} "none" argument must appear alone.`, arg, "error");
    } else {
      const eq = arg.value.indexOf("=");
      if (eq <= 0 || convtime(arg.value.slice(eq + 1), e.release) < 0) {
        return fail(e, "bad-value", `invalid channel timeout ${arg.value}`, arg, "fatal");
      }
    }
    count2++;
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function versionAddendum(e) {
  e.args.consumeAll();
  let i = 0;
  const str = e.d.rest;
  while (i < str.length && " 	\r\n".includes(str[i])) i++;
  if (str.slice(i).includes("\r")) return { code: "bad-value", message: `Invalid ${e.kw} argument`, range: e.d.restRange, severity: "fatal" };
  return void 0;
}
function include(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (arg.value === "" && at(e.release, "8.7")) return fail(e, "bad-value", `keyword ${e.kw} empty argument`, arg, "error");
    if (e.program === "ssh" && at(e.release, "9.9")) {
      const complaint = percentSyntaxError(arg.value, "CLdhklnpruij");
      if (complaint) return fail(e, "bad-value", `${complaint}; percent_dollar_expand: failed`, arg, "fatal");
    }
    if (e.program === "ssh" && arg.value.startsWith("~") && e.ctx.sshConfigScope === "system") {
      return fail(e, "bad-value", `bad include path ${arg.value}.`, arg);
    }
    count2++;
  }
  if (count2 === 0 && e.program === "sshd") {
    return fail(e, "no-argument", at(e.release, "8.7") ? `${e.kw} missing filename argument` : "Include missing filename argument", void 0, "fatal");
  }
  return void 0;
}
function match(e) {
  e.args.consumeAll();
  const r = validateMatch(e.d, { program: e.program, release: e.release });
  e.match = r.criteria;
  e.activeWhileParsing = e.program === "sshd" ? r.activeWithoutConnection : false;
  return r.problem;
}
function host(e) {
  e.args.consumeAll();
  const r = validateSshHost(e.d, { program: e.program, release: e.release });
  e.match = r.criteria;
  return r.problem;
}
function listenAddress(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "missing address", arg);
  const v = arg.value;
  const colon = v.indexOf(":");
  const bareV6 = !v.includes("[") && colon !== -1 && v.indexOf(":", colon + 1) !== -1;
  if (!bareV6) {
    const hp = hpdelim(v);
    if (!hp) return fail(e, "bad-value", "bad address:port usage", arg);
    if (hp.rest !== null && a2port(hp.rest, e.release) <= 0) return fail(e, "bad-value", "bad port number", arg);
  }
  if (!at(e.release, "7.7")) return void 0;
  const kw = e.args.next();
  if (kw) {
    const name = e.args.next();
    if (kw.value !== "rdomain" || name === void 0) return fail(e, "bad-value", "bad ListenAddress syntax", kw);
    if (!validRdomain(name.value, e)) return fail(e, "bad-value", "bad routing domain", name);
  }
  return void 0;
}
function validRdomain(name, e) {
  if (!e.ctx.build.features.has("rdomain")) return false;
  return "value" in strtonum(name, 0, 255);
}
function maxStartups(e) {
  const arg = e.args.next();
  const modern = at(e.release, "8.7");
  if (missing(arg)) return fail(e, "no-argument", modern ? `${e.kw} missing argument.` : "Missing MaxStartups spec.", arg);
  const bad = fail(e, "bad-value", modern ? `Invalid ${e.kw} spec.` : "Illegal MaxStartups spec.", arg);
  const { n, values } = sscanfInts(arg.value, 3);
  let begin;
  let full;
  if (n === 3) {
    const [b, rate, f] = values;
    if (b > f || rate > 100 || rate < 1) return bad;
    begin = b;
    full = f;
  } else if (n === 1) {
    begin = full = values[0];
  } else {
    return bad;
  }
  if (at(e.release, "9.2") && (full <= 0 || begin <= 0)) return bad;
  return void 0;
}
function perSourceNetBlockSize(e) {
  const arg = e.args.next();
  const modern = at(e.release, "8.7");
  if (missing(arg)) return fail(e, "no-argument", modern ? `${e.kw} missing argument.` : "Missing PerSourceNetBlockSize spec.", arg);
  const { n, values } = sscanfInts(arg.value, 2);
  let ok = n === 1 || n === 2;
  if (n === 2 && (values[1] < 0 || values[1] > 128)) ok = false;
  if ((n === 1 || n === 2) && (values[0] < 0 || values[0] > 32)) ok = false;
  if (!ok) return fail(e, "bad-value", modern ? `Invalid ${e.kw} spec.` : `Invalid PerSourceNetBlockSize spec ${arg.value}.`, arg);
  return void 0;
}
function perSourcePenalties(e) {
  let count2 = 0;
  const timeItems = ["crash", "authfail", "noauth", "grace-exceeded", "max", "min"];
  if (at(e.release, "9.9")) timeItems.push("refuseconnection");
  if (at(e.release, "10.3")) timeItems.push("invaliduser");
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    count2++;
    const v = arg.value;
    const lower2 = v.toLowerCase();
    if (lower2 === "yes" || lower2 === "no") {
      if (e.args.remaining > 0) return fail(e, "bad-value", `keyword ${e.kw} "${v}" argument must appear alone.`, arg);
      continue;
    }
    const colon = v.indexOf(":");
    const item = colon === -1 ? "" : v.slice(0, colon);
    const value = colon === -1 ? "" : v.slice(colon + 1);
    if (colon !== -1 && timeItems.includes(item)) {
      const ok = at(e.release, "10.3") ? convtimeDouble(value) >= 0 : convtime(value, e.release) >= 0;
      if (!ok) return fail(e, "bad-value", `invalid ${e.kw} time value.`, arg);
      continue;
    }
    if (colon !== -1 && (item === "max-sources4" || item === "max-sources6")) {
      const r = atoiErr(value);
      if ("error" in r) return fail(e, "bad-value", `${e.kw} value ${r.error}.`, arg);
      continue;
    }
    if (["overflow:deny-all", "overflow:permissive", "overflow6:deny-all", "overflow6:permissive"].includes(v)) continue;
    return fail(e, "bad-value", `unsupported ${e.kw} keyword ${v}`, arg);
  }
  if (count2 === 0) return fail(e, "no-argument", `no ${e.kw} specified`);
  return void 0;
}
function addressList(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "missing argument.", arg);
  if (addrMatchListCheck(arg.value, e.release) !== 0) return fail(e, "bad-value", `keyword ${e.kw} invalid address argument.`, arg);
  return void 0;
}
function hostPort(value, listen) {
  if (listen && !value.includes(":")) return { port: value };
  const hp = hpdelim(value);
  if (!hp) return void 0;
  return { host: cleanhostname(hp.host), port: hp.rest };
}
function permitOpenPort(p, release) {
  return p === "*" || a2port(p, release) > 0;
}
function permitOpen(e, listen) {
  const modern = at(e.release, "8.7");
  const missingHost = () => modern ? `${e.kw} missing host` : `missing host in ${e.k.name}`;
  const badPort = () => modern ? `${e.kw} bad port number` : `bad port number in ${e.k.name}`;
  const checkItem = (arg) => {
    const hp = hostPort(arg.value, listen);
    if (!hp) return fail(e, "bad-value", missingHost(), arg);
    if (hp.port === null || !permitOpenPort(hp.port, e.release)) return fail(e, "bad-value", badPort(), arg);
    return void 0;
  };
  if (at(e.release, "9.7")) {
    let count2 = 0;
    for (let arg = e.args.next(); arg; arg = e.args.next()) {
      if (arg.value === "any" || arg.value === "none") {
        if (count2 !== 0) return fail(e, "bad-value", `${arg.value} must appear alone on a ${e.kw} line.`, arg);
        count2++;
        continue;
      }
      const p = checkItem(arg);
      if (p) return p;
      count2++;
    }
    if (count2 === 0) return fail(e, "no-argument", `${e.kw} missing argument.`);
    return void 0;
  }
  const first = e.args.next();
  if (missing(first)) return fail(e, "no-argument", modern ? `${e.kw} missing argument.` : `missing ${e.k.name} specification`, first);
  if (first.value === "any" || first.value === "none") return void 0;
  for (let arg = first; arg && arg.value !== ""; arg = e.args.next()) {
    const p = checkItem(arg);
    if (p) return p;
  }
  return void 0;
}
function permitRemoteOpen(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    const lower2 = arg.value.toLowerCase();
    if (lower2 === "none" || lower2 === "any") {
      if (count2 > 0 || e.args.remaining > 0) return fail(e, "bad-value", `keyword ${e.kw} "${arg.value}" argument must appear alone.`, arg, e.valueSeverity);
    } else {
      const hp = hpdelim(arg.value);
      if (!hp) return fail(e, "bad-value", "missing host in permitremoteopen", arg, "fatal");
      if (hp.rest === null || hp.rest !== "*" && a2port(hp.rest, e.release) <= 0) {
        return fail(e, "bad-value", "bad port number in permitremoteopen", arg, "fatal");
      }
    }
    count2++;
  }
  if (count2 === 0) return fail(e, "no-argument", "missing permitremoteopen specification", void 0, "fatal");
  return void 0;
}
var AUTH_METHODS = ["none", "publickey", "password", "keyboard-interactive", "hostbased"];
function authMethodListError(list, build) {
  if (list === "") return "empty authentication method list";
  const known = build.features.has("gssapi") ? [...AUTH_METHODS, "gssapi-with-mic"] : AUTH_METHODS;
  if (build.features.has("gssapi") && build.features.has("debian-patches")) known.push("gssapi-keyex");
  for (const raw of list.split(",")) {
    const method = raw.split(":")[0];
    if (!known.includes(method)) return `Unknown authentication method "${method}" in list`;
  }
  return void 0;
}
function authenticationMethods(e) {
  const modern = at(e.release, "8.7");
  const already = e.ctx.state?.authenticationMethodsSet === true;
  if (!modern && already) {
    e.args.consumeAll();
    return void 0;
  }
  const since97 = at(e.release, "9.7");
  const stores = !already && !e.ctx.inMatch;
  let stored = since97 ? 0 : already ? 1 : 0;
  let seenAny = false;
  let parsed = 0;
  const anyAlone = modern ? `"any" must appear alone in ${e.kw}` : '"any" must appear alone in AuthenticationMethods';
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (!modern && arg.value === "") break;
    if (arg.value === "any") {
      if (stored > 0) return fail(e, "bad-value", anyAlone, arg);
      seenAny = true;
    } else if (seenAny) {
      return fail(e, "bad-value", anyAlone, arg);
    } else {
      const err = authMethodListError(arg.value, e.ctx.build);
      if (err) return fail(e, "bad-value", `${err}; invalid ${modern ? e.kw : "authentication"} method list.`, arg);
    }
    parsed++;
    if (since97 || stores) stored++;
  }
  if (parsed === 0) return fail(e, "no-argument", modern ? `no ${e.kw} specified` : "no AuthenticationMethods specified");
  return void 0;
}
function subsystem(e) {
  const name = e.args.next();
  const modern = at(e.release, "8.7");
  if (at(e.release, "9.5")) {
    const command2 = e.args.next();
    if (missing(name) || missing(command2)) return fail(e, "no-argument", `${e.kw} missing argument.`, command2 ?? name);
    e.args.consumeAll();
    return void 0;
  }
  if (missing(name)) return fail(e, "no-argument", modern ? `${e.kw} missing argument.` : "Missing subsystem name.", name);
  if (e.ctx.inMatch) {
    e.args.next();
    return void 0;
  }
  if (e.ctx.state?.subsystems?.has(name.value)) {
    return fail(e, "bad-value", `Subsystem '${name.value}' already defined.`, name, "fatal");
  }
  const command = e.args.next();
  if (missing(command)) return fail(e, "no-argument", "Missing subsystem command.", command);
  e.args.consumeAll();
  return void 0;
}
function permitUserEnvironment(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", at(e.release, "8.7") ? `${e.kw} missing argument.` : "PermitUserEnvironment missing argument.", arg);
  return void 0;
}
function pubkeyAuthOptions(e) {
  const known = ["none", "touch-required"];
  if (at(e.release, "8.4")) known.push("verify-required");
  const severity = at(e.release, "8.7") ? "error" : "fatal";
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (!at(e.release, "8.7") && arg.value === "") break;
    if (!known.includes(arg.value.toLowerCase())) return fail(e, "bad-value", `unsupported ${e.kw} option ${arg.value}`, arg, severity);
  }
  return void 0;
}
function octalMask(e) {
  const arg = e.args.next();
  const sshd = e.program === "sshd";
  if (missing(arg)) {
    return fail(e, "no-argument", sshd ? at(e.release, "8.7") ? `${e.kw} missing argument.` : "missing StreamLocalBindMask argument." : "Missing StreamLocalBindMask argument.", arg);
  }
  const { value, end } = cStrtol(arg.value, 8);
  if (end === 0 || value < 0n || value > 0o777n) {
    return fail(e, "bad-value", sshd ? at(e.release, "8.7") ? `Invalid ${e.kw}.` : "Bad mask." : "Bad mask.", arg);
  }
  return void 0;
}
function rdomain(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", at(e.release, "8.7") ? `${e.kw} missing argument.` : "Missing argument.", arg);
  const v = arg.value;
  if (v.toLowerCase() !== "none" && v !== "%D" && !validRdomain(v, e)) return fail(e, "bad-value", "invalid routing domain", arg);
  return void 0;
}
var PATH_MAX_SUN = 108;
var NI_MAXHOST = 1025;
function parseForward(spec, dynamic, remote, release) {
  let p = spec;
  let i = 0;
  while (isCSpace(p[i])) i++;
  p = p.slice(i);
  const fields = [];
  for (let n = 0; n < 4; n++) {
    if (p === null || p === "") {
      p = null;
      break;
    }
    let cp = p;
    if (cp.startsWith("[")) {
      let ep = 1;
      let ispath2 = false;
      while (ep < cp.length && cp[ep] !== "]") {
        if (cp[ep] === "/") ispath2 = true;
        ep++;
      }
      if (cp[ep] !== "]" || cp[ep + 1] !== ":" && cp[ep + 1] !== void 0) break;
      fields.push({ arg: cp.slice(1, ep), ispath: ispath2 });
      p = cp[ep + 1] === ":" ? cp.slice(ep + 2) : "";
      continue;
    }
    let out = "";
    let ispath = false;
    let j = 0;
    let done2 = false;
    let bad = false;
    for (; j < cp.length; j++) {
      const ch = cp[j];
      if (ch === "\\") {
        if (j + 1 >= cp.length) {
          bad = true;
          break;
        }
        j++;
        out += cp[j];
        continue;
      }
      if (ch === "/") ispath = true;
      if (ch === ":") {
        done2 = true;
        break;
      }
      out += ch;
    }
    if (bad) break;
    fields.push({ arg: out, ispath });
    p = done2 ? cp.slice(j + 1) : "";
    if (!done2) {
    }
  }
  if (p !== null && p !== "") return 0;
  const count2 = fields.length;
  const f = (k) => fields[k];
  let listenPort = 0;
  let listenPath;
  let listenHost;
  let connectHost;
  let connectPath;
  let connectPort = 0;
  const port2 = (s) => a2port(s, release);
  switch (count2) {
    case 1:
      if (f(0).ispath) {
        listenPath = f(0).arg;
        listenPort = -2;
      } else listenPort = port2(f(0).arg);
      connectHost = "socks";
      break;
    case 2:
      if (f(0).ispath && f(1).ispath) {
        listenPath = f(0).arg;
        listenPort = -2;
        connectPath = f(1).arg;
        connectPort = -2;
      } else if (f(1).ispath) {
        listenPort = port2(f(0).arg);
        connectPath = f(1).arg;
        connectPort = -2;
      } else {
        listenHost = f(0).arg;
        listenPort = port2(f(1).arg);
        connectHost = "socks";
      }
      break;
    case 3:
      if (f(0).ispath) {
        listenPath = f(0).arg;
        listenPort = -2;
        connectHost = f(1).arg;
        connectPort = port2(f(2).arg);
      } else if (f(2).ispath) {
        listenHost = f(0).arg;
        listenPort = port2(f(1).arg);
        connectPath = f(2).arg;
        connectPort = -2;
      } else {
        listenPort = port2(f(0).arg);
        connectHost = f(1).arg;
        connectPort = port2(f(2).arg);
      }
      break;
    case 4:
      listenHost = f(0).arg;
      listenPort = port2(f(1).arg);
      connectHost = f(2).arg;
      connectPort = port2(f(3).arg);
      break;
    default:
      return 0;
  }
  if (dynamic) {
    if (!(count2 === 1 || count2 === 2)) return 0;
  } else {
    if (!(count2 === 3 || count2 === 4) && connectPath === void 0 && listenPath === void 0) return 0;
    if (connectPort <= 0 && connectPath === void 0) return 0;
  }
  if (listenPort < 0 && listenPath === void 0 || !remote && listenPort === 0) return 0;
  if (connectHost !== void 0 && connectHost.length >= NI_MAXHOST) return 0;
  if (connectPath !== void 0 && connectPath.length >= PATH_MAX_SUN) return 0;
  if (listenHost !== void 0 && listenHost.length >= NI_MAXHOST) return 0;
  if (listenPath !== void 0 && listenPath.length >= PATH_MAX_SUN) return 0;
  return count2;
}
function forward(e, kind) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
  const remote = kind === "forward-remote";
  let dynamic = kind === "forward-dynamic";
  let spec = arg.value;
  let range = arg.range;
  if (!dynamic) {
    const arg2 = e.args.next();
    if (missing(arg2)) {
      if (remote && at(e.release, "7.6")) dynamic = true;
      else return fail(e, "bad-value", "Missing target argument.", arg2 ?? arg);
    } else {
      spec = `${arg.value}:${arg2.value}`.slice(0, 255);
      range = { start: arg.range.start, end: arg2.range.end };
    }
  }
  if (dynamic) spec = arg.value.slice(0, 255);
  const syntax = dollarSyntaxError(spec);
  if (syntax) return { code: "bad-value", message: `${syntax}; Bad forwarding specification.`, range, severity: e.valueSeverity };
  if (hasDollarReference(spec)) return void 0;
  if (parseForward(spec, dynamic, remote, e.release) === 0) {
    return { code: "bad-value", message: "Bad forwarding specification.", range, severity: e.valueSeverity };
  }
  return void 0;
}
function escapeChar(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
  const v = arg.value;
  if (v === "none") return void 0;
  const bytes = Buffer.from(v, "utf8");
  if (bytes.length === 1) return void 0;
  if (bytes.length === 2 && bytes[0] === 94 && bytes[1] >= 64 && bytes[1] < 128) return void 0;
  return fail(e, "bad-value", "Bad escape character.", arg);
}
function controlPersist(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "Missing ControlPersist argument.", arg);
  const v = arg.value;
  if (["no", "false", "yes", "true"].includes(v)) return void 0;
  if (convtime(v, e.release) >= 0) return void 0;
  return fail(e, "bad-value", "Bad ControlPersist argument.", arg);
}
function a2tunValid(s) {
  if (s.toLowerCase() === "any") return true;
  return "value" in strtonum(s, 0, 2147483647 - 2);
}
function tunnelDevice(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
  const v = arg.value;
  const colon = v.indexOf(":");
  const ok = colon === -1 ? a2tunValid(v) : a2tunValid(v.slice(0, colon)) && a2tunValid(v.slice(colon + 1));
  return ok ? void 0 : fail(e, "bad-value", "Bad tun device.", arg);
}
function addKeysToAgent(e) {
  const arg = e.args.next();
  if (!at(e.release, "8.4")) {
    return multistate(e, arg, ["true", "false", "yes", "no", "ask", "confirm"]);
  }
  const arg2 = e.args.next();
  const values = ["true", "false", "yes", "no", "ask", "confirm"];
  const value = missing(arg) ? -1 : values.indexOf(arg.value.toLowerCase());
  const prefix = missing(arg) ? "missing argument.; " : "";
  if (value === 5 && arg2 !== void 0) {
    if (convtime(arg2.value, e.release) === -1) return fail(e, "bad-value", `${prefix}invalid time value.`, arg2);
    return void 0;
  }
  if (value === -1 && arg2 === void 0) {
    if (convtime(arg?.value, e.release) === -1) return fail(e, arg ? "bad-value" : "no-argument", `${prefix}unsupported option`, arg);
    return void 0;
  }
  if (value === -1 || arg2 !== void 0) return fail(e, "bad-value", `${prefix}unsupported option`, arg2 ?? arg);
  return void 0;
}
function agentSocket(e, arg) {
  if (!at(e.release, "7.9")) return missing(arg) ? fail(e, "no-argument", "Missing argument.", arg) : void 0;
  if (missing(arg)) return fail(e, "no-argument", "Missing argument.", arg);
  const v = arg.value;
  const syntax = dollarSyntaxError(v);
  if (syntax) return fail(e, "bad-value", `${syntax}; Invalid environment expansion ${v}.`, arg);
  if (v[0] === "$" && v[1] !== "{" && !validEnvName(v.slice(1))) return fail(e, "bad-value", `Invalid environment name ${v}.`, arg);
  return void 0;
}
function forwardAgent(e) {
  const arg = e.args.next();
  if (missing(arg)) return fail(e, "no-argument", "missing argument.", arg);
  if (["yes", "no", "true", "false"].includes(arg.value.toLowerCase())) return void 0;
  return agentSocket(e, arg);
}
function userHostPortValid(s, release) {
  let rest = s;
  const atSign = rest.lastIndexOf("@");
  if (atSign !== -1) {
    if (atSign === 0) return false;
    rest = rest.slice(atSign + 1);
  }
  const hp = hpdelim(rest);
  if (!hp || hp.host === "") return false;
  if (hp.rest !== null && hp.rest !== "" && a2port(hp.rest, release) <= 0) return false;
  return true;
}
function sshUri(s, release) {
  if (!s.startsWith("ssh://")) return 1;
  let tmp = s.slice(6);
  const atSign = tmp.indexOf("@");
  if (atSign !== -1) {
    let user = tmp.slice(0, atSign);
    const semi = user.indexOf(";");
    if (semi !== -1) user = user.slice(0, semi);
    if (user === "" || !urlDecodable(user)) return -1;
    tmp = tmp.slice(atSign + 1);
  }
  const hp = hpdelim2(tmp);
  if (!hp || hp.host === "") return -1;
  const hostName = cleanhostname(hp.host);
  if (validDomain(hostName) !== void 0) return -1;
  tmp = hp.rest;
  if (tmp !== null && tmp !== "") {
    if (hp.delim === ":") {
      const slash = tmp.indexOf("/");
      const portText = slash === -1 ? tmp : tmp.slice(0, slash);
      if (a2port(portText, release) <= 0) return -1;
      tmp = slash === -1 ? null : tmp.slice(slash + 1);
    }
    if (tmp !== null && tmp !== "") {
      if (!urlDecodable(tmp)) return -1;
      return -1;
    }
  }
  return 0;
}
function urlDecodable(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "%") {
      if (!/^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) return false;
      i += 2;
    }
  }
  return true;
}
function proxyJumpValid(s, release) {
  if (s.toLowerCase() === "none") return true;
  let orig = s;
  if (at(release, "8.7")) {
    const hash = orig.indexOf("#");
    if (hash !== -1) orig = orig.slice(0, hash);
    if (at(release, "9.3")) {
      while (orig.length > 0 && isCSpace(orig[orig.length - 1])) orig = orig.slice(0, -1);
    } else {
      for (let i = orig.length - 1; i > 0; i--) if (isCSpace(orig[i])) orig = orig.slice(0, i);
    }
  }
  let sdup = orig;
  for (; ; ) {
    const comma = sdup.lastIndexOf(",");
    const cp = comma === -1 ? sdup : sdup.slice(comma + 1);
    if (comma !== -1) sdup = sdup.slice(0, comma);
    const r = sshUri(cp, release);
    if (r === -1 || r === 1 && !userHostPortValid(cp, release)) return false;
    if (comma === -1) return true;
  }
}
function proxyJump(e) {
  e.args.consumeAll();
  let i = 0;
  const str = e.d.rest;
  while (i < str.length && " 	\r\n=".includes(str[i])) i++;
  const text = str.slice(i);
  if (!proxyJumpValid(text, e.release)) {
    return { code: "bad-value", message: `Invalid ProxyJump "${text}"`, range: e.d.restRange, severity: e.valueSeverity };
  }
  return void 0;
}
function canonicalDomains(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (arg.value === "" && at(e.release, "8.7") && !at(e.release, "9.7")) return fail(e, "bad-value", `keyword ${e.kw} empty argument`, arg);
    if (at(e.release, "8.8") && arg.value.toLowerCase() === "none") {
      if (count2 > 0 || e.args.remaining > 0) return fail(e, "bad-value", `keyword ${e.kw} "none" argument must appear alone.`, arg);
    }
    count2++;
    if (at(e.release, "7.7")) {
      const complaint = validDomain(arg.value);
      if (complaint) return fail(e, "bad-value", complaint, arg);
    }
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function permittedCnames(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    const v = arg.value;
    if (at(e.release, "8.8") && v.toLowerCase() === "none") {
      if (count2 > 0 || e.args.remaining > 0) return fail(e, "bad-value", `keyword ${e.kw} "none" argument must appear alone.`, arg);
    } else if (v !== "*") {
      const colon = v.indexOf(":");
      if (colon === -1 || colon === v.length - 1) return fail(e, "bad-value", `Invalid permitted CNAME "${v.toLowerCase()}"`, arg);
    }
    count2++;
  }
  if (count2 === 0 && at(e.release, "9.7")) return fail(e, "no-argument", `no ${e.kw} specified`, void 0, "fatal");
  return void 0;
}
function knownHostsFiles(e) {
  let count2 = 0;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (at(e.release, "8.7")) {
      if (arg.value === "") return fail(e, "bad-value", `keyword ${e.kw} empty argument`, arg);
      if (arg.value.toLowerCase() === "none" && (count2 > 0 || e.args.remaining > 0)) {
        return fail(e, "bad-value", `keyword ${e.kw} "none" argument must appear alone.`, arg);
      }
    } else if (arg.value === "") break;
    count2++;
    const name = e.k.aliasOf ?? e.k.name;
    if (count2 > 32 && !e.ctx.state?.settled?.has(name)) return fail(e, "bad-value", `too many ${e.kw} entries.`, arg);
  }
  return void 0;
}
function obscureKeystrokeTiming(e) {
  let value;
  for (let arg = e.args.next(); arg; arg = e.args.next()) {
    if (value !== void 0) return fail(e, "extra-arguments", "invalid arguments", arg);
    const v = arg.value;
    if (v === "yes" || v === "true") value = 20;
    else if (v === "no" || v === "false") value = 0;
    else if (v.startsWith("interval:")) {
      const r = atoiErr(v.slice(9));
      if ("error" in r) return fail(e, "bad-value", `integer value ${r.error}.`, arg);
      if (r.value <= 0 || r.value > 1e3) return fail(e, "bad-value", "value out of range.", arg);
      value = r.value;
    } else return fail(e, "bad-value", `unsupported argument "${v}"`, arg);
  }
  if (value === void 0) return fail(e, "no-argument", "missing argument");
  return void 0;
}

// src/parse/config/validate-file.ts
function validateConfigTree(tree, context) {
  const walked = context.program === "sshd" ? walkSshd(tree, context) : walkSsh(tree, context);
  if (context.program === "sshd") checkAuthenticationMethodsSatisfiable(walked, context);
  checkAlgorithmListAssembly(walked, context);
  const verdicts = /* @__PURE__ */ new Map();
  for (const { entry: entry2, verdict } of walked) {
    const earlier = verdicts.get(entry2.directive);
    if (!earlier || !earlier.problem && verdict.problem) verdicts.set(entry2.directive, verdict);
  }
  return verdicts;
}
var lower = (d) => d.keyword.toLowerCase();
function walkSshd(tree, context) {
  const out = [];
  const includeState = /* @__PURE__ */ new Map();
  const matchActive = /* @__PURE__ */ new Map();
  const subsystems = /* @__PURE__ */ new Set();
  let authenticationMethodsSet = false;
  for (const entry2 of tree.entries) {
    const d = entry2.directive;
    const via = entry2.via[entry2.via.length - 1];
    const outer = via ? includeState.get(via) : void 0;
    const neverMatch = outer?.neverMatch ?? false;
    let active;
    const ownBlock = lower(d) === "match" ? void 0 : d.block;
    if (ownBlock) active = !neverMatch && (matchActive.get(ownBlock) ?? false);
    else active = outer ? outer.active : true;
    const verdict = validateDirective(d, {
      program: "sshd",
      release: context.release,
      build: context.build,
      inMatch: !active,
      state: { authenticationMethodsSet, subsystems }
    });
    if (lower(d) === "match") {
      matchActive.set(d, !neverMatch && verdict.activeWhileParsing === true && !verdict.problem);
    }
    if (lower(d) === "include") includeState.set(d, { active, neverMatch: neverMatch || !active });
    if (!verdict.problem && active) {
      const name = verdict.canonical;
      if (name === "AuthenticationMethods") authenticationMethodsSet = true;
      if (name === "Subsystem" && !isAtLeast(context.release, "9.5") && d.args[0]) subsystems.add(d.args[0].value);
    }
    out.push({ entry: entry2, verdict, active });
  }
  return out;
}
function effectiveLine(walked, canonical) {
  return walked.find((w) => w.active && w.verdict.canonical === canonical && !w.verdict.problem && w.verdict.status === "active");
}
function flagSetting(walked, canonical, fallback) {
  const w = effectiveLine(walked, canonical);
  if (!w) return fallback;
  return (w.entry.directive.args[0]?.value ?? "").toLowerCase() === "yes";
}
function checkAuthenticationMethodsSatisfiable(walked, context) {
  const line = effectiveLine(walked, "AuthenticationMethods");
  if (!line) return;
  const lists = line.entry.directive.args.map((a) => a.value);
  if (lists.length === 0 || lists.length === 1 && lists[0] === "any") return;
  const r = context.release;
  let kbd = flagSetting(walked, "KbdInteractiveAuthentication", isAtLeast(r, "8.7"));
  if (!isAtLeast(r, "8.7") && flagSetting(walked, "ChallengeResponseAuthentication", true)) kbd = true;
  const enabled = {
    none: true,
    publickey: flagSetting(walked, "PubkeyAuthentication", true),
    password: flagSetting(walked, "PasswordAuthentication", true),
    "keyboard-interactive": kbd,
    hostbased: flagSetting(walked, "HostbasedAuthentication", false),
    "gssapi-with-mic": flagSetting(walked, "GSSAPIAuthentication", false) || flagSetting(walked, "GssAuthentication", false),
    "gssapi-keyex": flagSetting(walked, "GSSAPIKeyExchange", false)
  };
  const satisfiable = lists.some(
    (list) => !authMethodListError(list, context.build) && list.split(",").every((m) => enabled[m.split(":")[0]] === true)
  );
  if (satisfiable || line.verdict.problem) return;
  line.verdict.problem = {
    code: "bad-value",
    message: "AuthenticationMethods cannot be satisfied by enabled authentication methods",
    range: line.entry.directive.restRange,
    severity: "fatal"
  };
}
function unconditionalBlock(block, verdicts) {
  if (!block) return true;
  const v = verdicts.get(block);
  if (!v?.match || v.problem) return false;
  if (lower(block) === "match") return v.match.all === true;
  const patterns = v.match.criteria[0]?.patterns ?? [];
  return patterns.includes("*") && !patterns.some((p) => p.startsWith("!"));
}
function walkSsh(tree, context) {
  const out = [];
  const blockVerdicts = /* @__PURE__ */ new Map();
  const ignoreUnknown = [];
  let ignoreUnknownSettled = false;
  const settled = /* @__PURE__ */ new Set();
  const includeActive = /* @__PURE__ */ new Map();
  for (const entry2 of tree.entries) {
    const d = entry2.directive;
    const via = entry2.via[entry2.via.length - 1];
    const outerUnconditional = via ? includeActive.get(via) ?? false : true;
    const isBlock = lower(d) === "host" || lower(d) === "match";
    const ownBlock = isBlock ? void 0 : d.block;
    const active = outerUnconditional && (ownBlock ? unconditionalBlock(ownBlock, blockVerdicts) : true);
    const context2 = {
      program: "ssh",
      release: context.release,
      build: context.build,
      inMatch: false,
      ignoreUnknown: [...ignoreUnknown],
      state: { settled: new Set(settled) }
    };
    if (context.sshConfigScope) context2.sshConfigScope = context.sshConfigScope;
    const verdict = validateDirective(d, context2);
    if (isBlock) blockVerdicts.set(d, verdict);
    if (lower(d) === "include") includeActive.set(d, active);
    if (verdict.canonical && !verdict.problem && verdict.status === "active") settled.add(verdict.canonical);
    if (verdict.canonical === "IgnoreUnknown" && !verdict.problem && !ignoreUnknownSettled && d.args[0]) {
      ignoreUnknown.push(d.args[0].value);
      if (active) ignoreUnknownSettled = true;
    }
    out.push({ entry: entry2, verdict, active });
  }
  return out;
}
var ALGORITHM_SETTINGS = [
  "Ciphers",
  "MACs",
  "KexAlgorithms",
  "HostKeyAlgorithms",
  "PubkeyAcceptedAlgorithms",
  "HostbasedAcceptedAlgorithms",
  "CASignatureAlgorithms"
];
function checkAlgorithmListAssembly(walked, context) {
  const side = context.program === "sshd" ? "server" : "client";
  const r = context.release;
  for (const setting of ALGORITHM_SETTINGS) {
    if (context.program === "ssh" && setting !== "HostKeyAlgorithms" && isAtLeast(r, "8.5") && !isAtLeast(r, "10.4")) continue;
    const candidates = [];
    for (const w of walked) {
      if (w.verdict.canonical !== setting && !(setting === "HostbasedAcceptedAlgorithms" && w.verdict.canonical === "HostbasedAlgorithms")) continue;
      if (w.verdict.problem || w.verdict.status !== "active") continue;
      if (context.program === "sshd") {
        if (!w.active) continue;
        candidates.push(w);
        break;
      }
      candidates.push(w);
      if (w.active) break;
    }
    for (const w of candidates) {
      const keyword = algorithmKeyword(setting, side) ?? "PubkeyAcceptedAlgorithms";
      const value = w.entry.directive.args[0]?.value ?? "";
      const result = resolveAlgorithmList(keyword, value, r, side);
      if (result.ok || result.error.stage !== "assemble") continue;
      const problem2 = {
        code: "bad-algorithm",
        message: result.error.message,
        range: w.entry.directive.args[0]?.range ?? w.entry.directive.keywordRange,
        severity: "fatal"
      };
      w.verdict.problem = problem2;
    }
  }
}

// src/engine/include-resolver.ts
var import_fast_glob = __toESM(require_out4(), 1);
import { realpathSync } from "node:fs";
import path3 from "node:path";
var SSH_DIR = "/etc/ssh/";
function toPosix(p) {
  return p.split(path3.sep).join("/");
}
function mapIncludePattern(pattern, mainFile, root, cwd) {
  if (pattern.startsWith("~")) return { outside: "a home-directory path, which depends on the user running ssh" };
  const mainDir = import_fast_glob.default.escapePath(path3.posix.dirname(mainFile));
  const rootRelative = import_fast_glob.default.escapePath(toPosix(path3.relative(cwd, root)) || ".");
  if (!pattern.startsWith("/")) return [path3.posix.join(mainDir, pattern)];
  if (pattern.startsWith(SSH_DIR)) {
    const rest = pattern.slice(SSH_DIR.length);
    return [.../* @__PURE__ */ new Set([path3.posix.join(mainDir, rest), path3.posix.join(rootRelative, "etc/ssh", rest)])];
  }
  return [path3.posix.join(rootRelative, pattern.slice(1))];
}
function repositoryIncludeResolver(options) {
  const rootReal = realpathSync(options.root);
  const inside = (displayPath) => {
    try {
      const real = realpathSync(path3.resolve(options.cwd, displayPath));
      return real === rootReal || real.startsWith(rootReal + path3.sep);
    } catch {
      return false;
    }
  };
  return {
    async expand(pattern, _includingFile, mainFile) {
      const candidates = mapIncludePattern(pattern, mainFile.source.path, options.root, options.cwd);
      if ("outside" in candidates) return candidates;
      for (const candidate of candidates) {
        if (candidate.startsWith("../")) continue;
        const files = (await (0, import_fast_glob.default)(candidate, { cwd: options.cwd, dot: false, onlyFiles: false, followSymbolicLinks: false, unique: true })).filter(inside).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        if (files.length > 0) return { files };
      }
      return pattern.startsWith("/") && !pattern.startsWith(SSH_DIR) ? { outside: "an absolute path the repository does not hold" } : { files: [] };
    },
    load: options.load
  };
}

// src/ssh/base64.ts
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var PAD = 61;
var DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
function isCSpace2(c) {
  return c === 32 || c >= 9 && c <= 13;
}
function cLength(text) {
  const nul = text.indexOf("\0");
  return nul === -1 ? text.length : nul;
}
function decodeBase64(text) {
  const end = cLength(text);
  const out = new Uint8Array(Math.floor(end * 3 / 4) + 1);
  let length = 0;
  let state = 0;
  let i = 0;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isCSpace2(c)) continue;
    if (c === PAD) break;
    const digit = c < 128 ? DIGIT[c] ?? -1 : -1;
    if (digit < 0) return null;
    switch (state) {
      case 0:
        out[length] = digit << 2;
        break;
      case 1:
        out[length] = (out[length] ?? 0) | digit >> 4;
        out[++length] = (digit & 15) << 4;
        break;
      case 2:
        out[length] = (out[length] ?? 0) | digit >> 2;
        out[++length] = (digit & 3) << 6;
        break;
      default:
        out[length] = (out[length] ?? 0) | digit;
        length++;
    }
    state = (state + 1) % 4;
  }
  if (i === end) return state === 0 ? out.slice(0, length) : null;
  if (state < 2) return null;
  i++;
  if (state === 2) {
    while (i < end && isCSpace2(text.charCodeAt(i))) i++;
    if (i === end || text.charCodeAt(i) !== PAD) return null;
    i++;
  }
  for (; i < end; i++) if (!isCSpace2(text.charCodeAt(i))) return null;
  if (out[length] !== 0) return null;
  return out.slice(0, length);
}

// src/ssh/key-blob.ts
import { createHash as createHash2 } from "node:crypto";

// src/ssh/bigint.ts
function toBigInt(bytes) {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`);
}
function toBytes(value, length) {
  return Uint8Array.from(Buffer.from(value.toString(16).padStart(length * 2, "0"), "hex"));
}
function bitLength(value) {
  return value === 0n ? 0 : value.toString(2).length;
}
function mod(a, m) {
  const r = a % m;
  return r < 0n ? r + m : r;
}
function modPow(base, exponent, modulus) {
  let result = 1n % modulus;
  let b = mod(base, modulus);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = result * b % modulus;
    b = b * b % modulus;
  }
  return result;
}
function modInverse(a, m) {
  let [r0, r1] = [mod(a, m), m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return r0 === 1n ? mod(s0, m) : null;
}

// src/ssh/ec.ts
var CURVES = {
  nistp256: {
    jwk: "P-256",
    bits: 256,
    size: 32,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
    n: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
    hash: "sha256"
  },
  nistp384: {
    jwk: "P-384",
    bits: 384,
    size: 48,
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
    n: 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n,
    hash: "sha384"
  },
  nistp521: {
    jwk: "P-521",
    bits: 521,
    size: 66,
    p: (1n << 521n) - 1n,
    b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
    n: 0x1fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409n,
    hash: "sha512"
  }
};
function checkPoint(curve, point) {
  const format = (reason) => ({ reason, openssh: "invalid format" });
  const value = (reason) => ({ reason, openssh: "invalid elliptic curve value" });
  if (point[0] !== 4) return format("the point is not in uncompressed form (0x04 prefix)");
  if (point.length !== 1 + 2 * curve.size) {
    return format(`the point is ${point.length} bytes; ${1 + 2 * curve.size} expected for this curve`);
  }
  const x = toBigInt(point.subarray(1, 1 + curve.size));
  const y = toBigInt(point.subarray(1 + curve.size));
  const { p, b, n } = curve;
  if (x >= p || y >= p) return format("a point coordinate is not below the field prime");
  if ((y * y - (x * x * x - 3n * x + b)) % p !== 0n) return format("the point is not on the curve");
  const half = Math.floor(bitLength(n) / 2);
  if (bitLength(x) <= half || bitLength(y) <= half) return value(`a point coordinate has ${half} bits or fewer`);
  if (x >= n - 1n || y >= n - 1n) return value("a point coordinate is not below the group order minus one");
  return null;
}

// src/ssh/verify.ts
import { createHash, createPublicKey, verify } from "node:crypto";

// src/ssh/wire.ts
var SSHBUF_SIZE_MAX = 134217728;
var SSHBUF_MAX_BIGNUM = 16384 / 8;
var SSHBUF_MAX_ECPOINT = 528 * 2 / 8 + 1;
var WIRE_ERROR_TEXT = {
  "message-incomplete": "incomplete message",
  "string-too-large": "string is too large",
  "invalid-format": "invalid format",
  "bignum-is-negative": "bignum is negative",
  "bignum-too-large": "bignum is too large"
};
var utf8 = new TextDecoder("utf-8");
function bytesToText(bytes) {
  return utf8.decode(bytes);
}
var WireReader = class _WireReader {
  constructor(bytes) {
    this.bytes = bytes;
  }
  bytes;
  offset = 0;
  error = null;
  /** Bytes not read yet. */
  get remaining() {
    return this.bytes.length - this.offset;
  }
  /** Bytes read so far. */
  get position() {
    return this.offset;
  }
  fail(error) {
    this.error ??= error;
    return null;
  }
  take(length) {
    if (this.error !== null) return null;
    if (this.remaining < length) return this.fail("message-incomplete");
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }
  u8() {
    const b = this.take(1);
    return b === null ? null : b[0] ?? 0;
  }
  u32() {
    const b = this.take(4);
    return b === null ? null : new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
  }
  u64() {
    const b = this.take(8);
    return b === null ? null : new DataView(b.buffer, b.byteOffset, 8).getBigUint64(0);
  }
  /** `sshbuf_get_string_direct`: a length-prefixed byte string. */
  string() {
    if (this.error !== null) return null;
    if (this.remaining < 4) return this.fail("message-incomplete");
    const length = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 4).getUint32(0);
    if (length > SSHBUF_SIZE_MAX - 4) return this.fail("string-too-large");
    if (this.remaining - 4 < length) return this.fail("message-incomplete");
    this.offset += 4;
    return this.take(length);
  }
  /**
   * `sshbuf_get_cstring`: a string that may hold a NUL only as its last byte.
   * That NUL is dropped, since OpenSSH then only ever sees the C string before it.
   */
  cstringBytes() {
    const s = this.string();
    if (s === null) return null;
    const nul = s.indexOf(0);
    if (nul === -1) return s;
    return nul === s.length - 1 ? s.subarray(0, nul) : this.fail("invalid-format");
  }
  cstring() {
    const s = this.cstringBytes();
    return s === null ? null : bytesToText(s);
  }
  /**
   * `sshbuf_get_bignum2_bytes_direct`: a non-negative mpint of at most 16384 bits.
   * Returns the magnitude without leading zeros (OpenSSH accepts redundant ones).
   */
  mpint() {
    const s = this.string();
    if (s === null) return null;
    const first = s[0] ?? 0;
    if ((first & 128) !== 0) return this.fail("bignum-is-negative");
    if (s.length > SSHBUF_MAX_BIGNUM + 1 || s.length === SSHBUF_MAX_BIGNUM + 1 && first !== 0) {
      return this.fail("bignum-too-large");
    }
    let lead = 0;
    while (lead < s.length && s[lead] === 0) lead++;
    return s.subarray(lead);
  }
  /** `sshbuf_froms`: a string read as a nested buffer. */
  reader() {
    const s = this.string();
    return s === null ? null : new _WireReader(s);
  }
};
var utf8Encoder = new TextEncoder();
var WireWriter = class {
  chunks = [];
  raw(bytes) {
    this.chunks.push(bytes);
    return this;
  }
  u8(value) {
    return this.raw(Uint8Array.of(value & 255));
  }
  u32(value) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, value >>> 0);
    return this.raw(b);
  }
  u64(value) {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt.asUintN(64, value));
    return this.raw(b);
  }
  string(bytes) {
    const b = typeof bytes === "string" ? utf8Encoder.encode(bytes) : bytes;
    return this.u32(b.length).raw(b);
  }
  /** `sshbuf_put_bignum2_bytes`: strip leading zeros, add one back if the top bit is set. */
  mpint(magnitude) {
    let lead = 0;
    while (lead < magnitude.length && magnitude[lead] === 0) lead++;
    const m = magnitude.subarray(lead);
    const pad = m.length > 0 && ((m[0] ?? 0) & 128) !== 0;
    return this.u32(m.length + (pad ? 1 : 0)).raw(pad ? Uint8Array.of(0) : new Uint8Array(0)).raw(m);
  }
  bytes() {
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0));
    let at2 = 0;
    for (const c of this.chunks) {
      out.set(c, at2);
      at2 += c.length;
    }
    return out;
  }
};

// src/ssh/verify.ts
var MAX_SIGNED_DATA = 1 << 20;
var FORMAT = "invalid format";
var MISMATCH = "key type does not match";
var TRAILING2 = "unexpected bytes remain after decoding";
var INCORRECT = "incorrect signature";
var LIBCRYPTO = "error in libcrypto";
var failed = (reason, openssh) => ({ ok: false, reason, openssh });
var malformed = (what) => failed(`the ${what} signature blob is malformed`, FORMAT);
var trailing = (what) => failed(`bytes follow the ${what} signature`, TRAILING2);
var incorrect = failed("the CA signature does not match the certificate", INCORRECT);
function verifySignature(key, sig, data) {
  if (sig.length === 0) return failed("the certificate signature is empty", "invalid argument");
  if (data.length > MAX_SIGNED_DATA) return failed("the signed part of the certificate is over 1 MiB", "invalid argument");
  switch (key.family) {
    case "rsa":
      return verifyRsa(key, sig, data);
    case "dss":
      return verifyDss(key, sig, data);
    case "ecdsa":
      return verifyEcdsa(key, sig, data);
    case "ed25519":
      return verifyEd25519(key.pk, sig, data);
    case "ed25519-sk":
      return verifyEd25519Sk(key, sig, data);
    case "ecdsa-sk":
      return verifyEcdsaSk(key, sig, data);
    case "mldsa44-ed25519":
      return { ok: false, unsupported: true, reason: "ML-DSA-44 signatures cannot be verified by this Node.js", openssh: "" };
  }
}
var sha = (hash, ...parts) => {
  const h = createHash(hash);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
var RSA_ALGORITHMS = /* @__PURE__ */ new Map([
  ["ssh-rsa", { hash: "sha1", prefix: "3021300906052b0e03021a05000414" }],
  ["rsa-sha2-256", { hash: "sha256", prefix: "3031300d060960864801650304020105000420" }],
  ["rsa-sha2-512", { hash: "sha512", prefix: "3051300d060960864801650304020305000440" }]
]);
function verifyRsa(key, sig, data) {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  if (algorithm === null) return malformed("RSA");
  const alg = RSA_ALGORITHMS.get(algorithm);
  if (!alg) return failed(`"${algorithm}" is not an RSA signature algorithm`, MISMATCH);
  const blob = r.string();
  if (blob === null) return malformed("RSA");
  if (r.remaining !== 0) return trailing("RSA");
  if (blob.length > key.size) return failed("the RSA signature is longer than the CA modulus", "key bits do not match");
  const { e, n } = key;
  if (n <= e || n % 2n === 0n || bitLength(n) > 3072 && bitLength(e) > 64) {
    return failed("OpenSSL refuses to use this RSA CA key (even modulus or bad exponent)", LIBCRYPTO);
  }
  const s = toBigInt(blob);
  if (s >= n) return failed("the RSA signature is not below the CA modulus", LIBCRYPTO);
  const payload = pkcs1Type1Payload(toBytes(modPow(s, e, n), key.size));
  if (payload === null) return failed("the RSA signature does not decrypt to PKCS#1 v1.5 padding", LIBCRYPTO);
  const expected = Buffer.concat([Buffer.from(alg.prefix, "hex"), sha(alg.hash, data)]);
  if (payload.length !== expected.length) return failed("the RSA signature holds a digest of the wrong size", FORMAT);
  return expected.equals(payload) ? { ok: true, algorithm } : incorrect;
}
function pkcs1Type1Payload(em) {
  if (em[0] !== 0 || em[1] !== 1) return null;
  let i = 2;
  while (i < em.length && em[i] === 255) i++;
  if (i === em.length || em[i] !== 0 || i - 2 < 8) return null;
  return em.subarray(i + 1);
}
function verifyDss(key, sig, data) {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  const blob = r.string();
  if (algorithm === null || blob === null) return malformed("DSA");
  if (algorithm !== "ssh-dss") return failed(`"${algorithm}" is not the DSA signature algorithm`, MISMATCH);
  if (r.remaining !== 0) return trailing("DSA");
  if (blob.length !== 40) return failed(`the DSA signature is ${blob.length} bytes, not 40`, FORMAT);
  const { p, q, g, y } = key;
  const qBits = bitLength(q);
  if (qBits !== 160 && qBits !== 224 && qBits !== 256 || bitLength(p) > 1e4) {
    return failed("OpenSSL refuses these DSA parameters (q must be 160, 224 or 256 bits)", LIBCRYPTO);
  }
  const rr = toBigInt(blob.subarray(0, 20));
  const ss = toBigInt(blob.subarray(20));
  if (rr === 0n || rr >= q || ss === 0n || ss >= q) return incorrect;
  const w = modInverse(ss, q);
  if (w === null || p % 2n === 0n) return failed("OpenSSL cannot compute with these DSA parameters", LIBCRYPTO);
  const m = toBigInt(sha("sha1", data));
  const v = mod(modPow(g, mod(m * w, q), p) * modPow(y, mod(rr * w, q), p) % p, q);
  return v === rr ? { ok: true, algorithm } : incorrect;
}
function ecKey(curve, point) {
  const coordinate = (at2) => Buffer.from(point.subarray(at2, at2 + curve.size)).toString("base64url");
  return createPublicKey({ key: { kty: "EC", crv: curve.jwk, x: coordinate(1), y: coordinate(1 + curve.size) }, format: "jwk" });
}
function ecdsaValid(curve, point, r, s, message, hash) {
  if (r.length > curve.size || s.length > curve.size) return false;
  const fixed = Buffer.concat([toBytes(toBigInt(r), curve.size), toBytes(toBigInt(s), curve.size)]);
  try {
    return verify(hash, message, { key: ecKey(curve, point), dsaEncoding: "ieee-p1363" }, fixed);
  } catch {
    return false;
  }
}
function readEcdsaPair(inner, what) {
  const r = inner.mpint();
  const s = inner.mpint();
  if (r === null || s === null) return malformed(what);
  if (inner.remaining !== 0) return trailing(what);
  return { r, s };
}
function verifyEcdsa(key, sig, data) {
  const reader = new WireReader(sig);
  const algorithm = reader.cstring();
  const inner = reader.reader();
  if (algorithm === null || inner === null) return malformed("ECDSA");
  if (algorithm !== key.name) return failed(`"${algorithm}" is not the signature algorithm of a ${key.name} CA`, MISMATCH);
  if (reader.remaining !== 0) return trailing("ECDSA");
  const pair = readEcdsaPair(inner, "ECDSA");
  if ("ok" in pair) return pair;
  const curve = CURVES[key.curve];
  return ecdsaValid(curve, key.point, pair.r, pair.s, data, curve.hash) ? { ok: true, algorithm } : incorrect;
}
var WEBAUTHN = "webauthn-sk-ecdsa-sha2-nistp256@openssh.com";
function verifyEcdsaSk(key, sig, data) {
  const reader = new WireReader(sig);
  const algorithm = reader.cstring();
  const webauthn = algorithm === WEBAUTHN;
  if (algorithm === null || !webauthn && algorithm !== "sk-ecdsa-sha2-nistp256@openssh.com") {
    return malformed("ECDSA-SK");
  }
  const inner = reader.reader();
  const flags = reader.u8();
  const counter = reader.u32();
  const none = new Uint8Array(0);
  const origin = webauthn ? reader.cstringBytes() : none;
  const clientData = webauthn ? reader.string() : none;
  const extensions = webauthn ? reader.string() : none;
  if (inner === null || flags === null || counter === null || origin === null || clientData === null || extensions === null) {
    return malformed("ECDSA-SK");
  }
  if (reader.remaining !== 0) return trailing("ECDSA-SK");
  const pair = readEcdsaPair(inner, "ECDSA-SK");
  if ("ok" in pair) return pair;
  const problem2 = webauthn ? checkWebauthn(data, origin, clientData, flags, extensions) : null;
  if (problem2) return problem2;
  const signed = new WireWriter().raw(sha("sha256", key.application)).u8(flags).u32(counter).raw(extensions).raw(sha("sha256", webauthn ? clientData : data)).bytes();
  return ecdsaValid(CURVES.nistp256, key.point, pair.r, pair.s, signed, "sha256") ? { ok: true, algorithm } : incorrect;
}
function checkWebauthn(data, origin, clientData, flags, extensions) {
  if (origin.includes(34) || (flags & 64) !== 0 || (flags & 128) === 0 !== (extensions.length === 0)) {
    return failed("the webauthn origin or flags are inconsistent", FORMAT);
  }
  const preamble = Buffer.concat([
    Buffer.from(`{"type":"webauthn.get","challenge":"${Buffer.from(data).toString("base64url")}","origin":"`),
    origin,
    Buffer.from('"')
  ]);
  if (clientData.length < preamble.length) return failed("the webauthn clientData is too short", "incomplete message");
  return preamble.equals(clientData.subarray(0, preamble.length)) ? null : failed("the webauthn clientData does not embed the certificate", FORMAT);
}
var L = (1n << 252n) + 27742317777372353535851937790883648493n;
function ed25519Valid(pk, sig, message) {
  if (sig.length !== 64 || ((sig[63] ?? 0) & 224) !== 0) return false;
  const s = toBigInt(Uint8Array.from(sig.subarray(32)).reverse());
  const canonical = Buffer.concat([sig.subarray(0, 32), toBytes(mod(s, L), 32).reverse()]);
  try {
    const key = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(pk).toString("base64url") }, format: "jwk" });
    return verify(null, message, key, canonical);
  } catch {
    return false;
  }
}
function verifyEd25519(pk, sig, data) {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  const blob = r.string();
  if (algorithm === null || blob === null) {
    return failed("the Ed25519 signature blob is malformed", WIRE_ERROR_TEXT[r.error ?? "invalid-format"]);
  }
  if (algorithm !== "ssh-ed25519") return failed(`"${algorithm}" is not the Ed25519 signature algorithm`, MISMATCH);
  if (r.remaining !== 0) return trailing("Ed25519");
  if (blob.length > 64) return failed(`the Ed25519 signature is ${blob.length} bytes, over 64`, FORMAT);
  return ed25519Valid(pk, blob, data) ? { ok: true, algorithm } : incorrect;
}
function verifyEd25519Sk(key, sig, data) {
  const r = new WireReader(sig);
  const algorithm = r.cstring();
  const blob = r.string();
  const flags = r.u8();
  const counter = r.u32();
  if (algorithm === null || blob === null || flags === null || counter === null) return malformed("Ed25519-SK");
  if (algorithm !== "sk-ssh-ed25519@openssh.com") {
    return failed(`"${algorithm}" is not the Ed25519-SK signature algorithm`, MISMATCH);
  }
  if (r.remaining !== 0) return trailing("Ed25519-SK");
  if (blob.length > 64) return failed(`the Ed25519 signature is ${blob.length} bytes, over 64`, FORMAT);
  const signed = new WireWriter().raw(sha("sha256", key.application)).u8(flags).u32(counter).raw(sha("sha256", data)).bytes();
  return ed25519Valid(key.pk, blob, signed) ? { ok: true, algorithm } : incorrect;
}

// src/ssh/key-blob.ts
var DEFAULT_OPENSSH_VERSION = "9.2";
var MAX_PRINCIPALS = 256;
var RSA_MIN_BITS = 1024;
var SHORT_NAMES_UNTIL = "9.9";
var PUBLIC_KEY_BYTES = { ed25519: 32, "ed25519-sk": 32, "mldsa44-ed25519": 1344 };
function decodeKeyBlob(blob, options = {}) {
  const parsed = parseKey(blob, options.openssh ?? DEFAULT_OPENSSH_VERSION, true);
  return parsed instanceof Failure ? { ok: false, error: parsed.error } : { ok: true, key: parsed.key };
}
var Failure = class {
  error;
  constructor(code3, detail, openssh) {
    const said = openssh ? `; OpenSSH reports "${openssh}"` : "";
    this.error = { code: code3, message: `${detail}${said}`, openssh };
  }
};
function wireFailure(r, what, overwritten = true) {
  const error = r.error ?? "message-incomplete";
  const outcomes = {
    "message-incomplete": ["truncated", `the blob ends inside ${what}`],
    "string-too-large": ["truncated", `${what} has a length over 128 MiB`],
    "invalid-format": ["invalid-format", `${what} contains a NUL byte`],
    "bignum-is-negative": ["invalid-format", `${what} is a negative number`],
    "bignum-too-large": ["key-length", `${what} is over 16384 bits`]
  };
  const [code3, detail] = outcomes[error];
  return new Failure(code3, detail, overwritten ? "invalid format" : WIRE_ERROR_TEXT[error]);
}
function parseKey(blob, version, allowCert) {
  const r = new WireReader(blob);
  const nameBytes = r.cstringBytes();
  if (nameBytes === null) return wireFailure(r, "the key type name");
  const type = bytesToText(nameBytes);
  const resolved = resolveType(type, version);
  if (!resolved) return new Failure("unknown-type", `"${type}" is not a key type OpenSSH ${version} knows`, "unknown or unsupported key type");
  const { keyType, shortName } = resolved;
  if (keyType.certificate) {
    if (!allowCert) return new Failure("invalid-certificate", "a certificate cannot be a CA key", "invalid certificate signing key");
    if (r.string() === null) return wireFailure(r, "the certificate nonce");
  }
  const plain = new WireWriter().string(keyType.plainName);
  const pub = readPublicKey(r, keyType, shortName, plain);
  if (pub instanceof Failure) return pub;
  const cert = keyType.certificate ? parseCertificate(r, blob, version) : void 0;
  if (cert instanceof Failure) return cert;
  if (r.remaining !== 0) return new Failure("trailing-data", `${r.remaining} bytes follow the key`, "invalid format");
  const digest = createHash2("sha256").update(plain.bytes()).digest("base64").replace(/=+$/, "");
  const key = {
    type,
    canonicalType: keyType.name,
    family: keyType.family,
    certificate: keyType.certificate,
    bits: pub.bits,
    ...keyType.curve ? { curve: keyType.curve } : {},
    ...pub.application !== void 0 ? { application: pub.application } : {},
    ...cert ? { cert } : {},
    fingerprint: `SHA256:${digest}`
  };
  return { key, material: pub.material };
}
var asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
function resolveType(name, version) {
  const keyType = keyTypeByName(name, version);
  if (keyType) return { keyType, shortName: false };
  if (compareReleases(version, SHORT_NAMES_UNTIL) >= 0) return void 0;
  const lower2 = asciiLower(name);
  const byShortName = KEY_TYPES.find(
    (t) => !t.certificate && isKnownIn(t, version) && asciiLower(t.shortName) === lower2
  );
  return byShortName && { keyType: byShortName, shortName: true };
}
function readPublicKey(r, keyType, shortName, plain) {
  const { family } = keyType;
  switch (family) {
    case "rsa": {
      const e = r.mpint();
      if (e === null) return wireFailure(r, "the RSA exponent");
      const n = r.mpint();
      if (n === null) return wireFailure(r, "the RSA modulus");
      const modulus = toBigInt(n);
      const bits = bitLength(modulus);
      if (bits < RSA_MIN_BITS) {
        return new Failure("key-length", `the RSA modulus has ${bits} bits; OpenSSH requires at least ${RSA_MIN_BITS}`, "Invalid key length");
      }
      plain.mpint(e).mpint(n);
      return { bits, material: { family, e: toBigInt(e), n: modulus, size: n.length } };
    }
    case "dss": {
      const [p, q, g, y] = [r.mpint(), r.mpint(), r.mpint(), r.mpint()];
      if (p === null || q === null || g === null || y === null) return wireFailure(r, "the DSA parameters");
      plain.mpint(p).mpint(q).mpint(g).mpint(y);
      const [P, Q, G, Y] = [p, q, g, y].map(toBigInt);
      return { bits: bitLength(P), material: { family, p: P, q: Q, g: G, y: Y } };
    }
    case "ecdsa":
    case "ecdsa-sk": {
      const curve = keyType.curve;
      if (shortName || !curve) return new Failure("unknown-type", "a short type name does not say which curve", "invalid argument");
      const point = readPoint(r, curve);
      if (point instanceof Failure) return point;
      plain.string(curve).string(point);
      if (family === "ecdsa") return { bits: CURVES[curve].bits, material: { family, name: keyType.plainName, curve, point } };
      const application = readApplication(r, plain);
      if (application instanceof Failure) return application;
      return { bits: 256, application: bytesToText(application), material: { family, point, application } };
    }
    case "ed25519":
    case "ed25519-sk":
    case "mldsa44-ed25519": {
      const pk = r.string();
      if (pk === null) return wireFailure(r, "the public key", false);
      const expected = PUBLIC_KEY_BYTES[family];
      if (pk.length !== expected) return new Failure("key-length", `the public key is ${pk.length} bytes, not ${expected}`, "invalid format");
      plain.string(pk);
      if (family === "ed25519") return { bits: 256, material: { family, pk } };
      if (family === "mldsa44-ed25519") return { bits: 256, material: { family } };
      const application = readApplication(r, plain);
      if (application instanceof Failure) return application;
      return { bits: 256, application: bytesToText(application), material: { family, pk, application } };
    }
    case "xmss":
      return new Failure("unknown-type", "XMSS keys need an OpenSSH built WITH_XMSS", "unknown or unsupported key type");
  }
}
function readPoint(r, curve) {
  const name = r.cstring();
  if (name === null) return wireFailure(r, "the curve name", false);
  if (name !== curve) return new Failure("invalid-format", `the key type says ${curve} but the blob says "${name}"`, "elliptic curve does not match");
  const point = r.string();
  if (point === null) return wireFailure(r, "the EC point", false);
  if (point.length === 0 || point.length > SSHBUF_MAX_ECPOINT) {
    return new Failure("invalid-point", `the EC point is ${point.length} bytes`, "elliptic curve point is too large");
  }
  const problem2 = checkPoint(CURVES[curve], point);
  return problem2 ? new Failure("invalid-point", problem2.reason, problem2.openssh) : point;
}
function readApplication(r, plain) {
  const application = r.cstringBytes();
  if (application === null) return wireFailure(r, "the security key application");
  plain.string(application);
  return application;
}
function parseCertificate(r, blob, version) {
  const serial = r.u64();
  const type = r.u32();
  const keyId = r.cstring();
  const principalsField = r.reader();
  const validAfter = r.u64();
  const validBefore = r.u64();
  const criticalField = r.reader();
  const extensionsField = r.reader();
  r.string();
  const caBlob = r.string();
  if (serial === null || type === null || keyId === null || principalsField === null || validAfter === null || validBefore === null || criticalField === null || extensionsField === null || caBlob === null) {
    return wireFailure(r, "the certificate fields");
  }
  const signedLength = r.position;
  const signature = r.string();
  if (signature === null) return wireFailure(r, "the certificate signature");
  if (type !== 1 && type !== 2) {
    return new Failure("invalid-certificate", `certificate type ${type} is neither user (1) nor host (2)`, "unknown/unsupported certificate type");
  }
  const principals = [];
  while (principalsField.remaining > 0) {
    if (principals.length >= MAX_PRINCIPALS) {
      return new Failure("invalid-certificate", `more than ${MAX_PRINCIPALS} principals`, "invalid format");
    }
    const principal = principalsField.cstring();
    if (principal === null) return wireFailure(principalsField, "a principal");
    principals.push(principal);
  }
  const criticalOptions = readOptions(criticalField, "a critical option");
  if (criticalOptions instanceof Failure) return criticalOptions;
  const extensions = readOptions(extensionsField, "an extension");
  if (extensions instanceof Failure) return extensions;
  const ca = parseKey(caBlob, version, false);
  if (ca instanceof Failure) {
    return new Failure("invalid-certificate", `the signing CA key is unusable (${ca.error.message})`, "invalid certificate signing key");
  }
  const verified = verifySignature(ca.material, signature, blob.subarray(0, signedLength));
  if (!verified.ok) return new Failure(verified.unsupported ? "unsupported" : "bad-signature", verified.reason, verified.openssh);
  return {
    serial,
    certType: type === 1 ? "user" : "host",
    keyId,
    principals,
    validAfter,
    validBefore,
    criticalOptions,
    extensions,
    signatureKey: ca.key,
    signatureAlgorithm: verified.algorithm
  };
}
function readOptions(field, what) {
  const options = [];
  while (field.remaining > 0) {
    const name = field.string();
    const data = field.string();
    if (name === null || data === null) return wireFailure(field, what);
    options.push({ name: bytesToText(name), data });
  }
  return options;
}

// src/parse/read-key.ts
function isBlank(ch) {
  return ch === " " || ch === "	";
}
function tokenEnd(text, from) {
  let i = from;
  while (i < text.length && !isBlank(text[i])) i++;
  return i;
}
function skipBlanks(text, from) {
  let i = from;
  while (isBlank(text[i])) i++;
  return i;
}
function readKey(text, start, version) {
  const typeEnd = tokenEnd(text, start);
  const typeRange = { start, end: typeEnd };
  const typeName = text.slice(start, typeEnd);
  const typeInfo = keyTypeByName(typeName);
  if (typeEnd === text.length) return { ok: false, failure: typeInfo ? { code: "no-key-data", typeRange, typeInfo } : { code: "no-key-data", typeRange } };
  const alias = signatureAlgorithmByName(typeName);
  if (!typeInfo || alias && !isKnownIn(alias, formatVersion(version))) {
    return { ok: false, failure: { code: "unknown-type", typeRange, typeName } };
  }
  if (!isKnownIn(typeInfo, formatVersion(version))) {
    return { ok: false, failure: { code: "type-unavailable", typeRange, typeInfo } };
  }
  const blobStart = skipBlanks(text, typeEnd);
  if (blobStart === text.length) return { ok: false, failure: { code: "no-key-data", typeRange, typeInfo } };
  const blobEnd = tokenEnd(text, blobStart);
  const base64Range = { start: blobStart, end: blobEnd };
  const base64 = text.slice(blobStart, blobEnd);
  const blob = decodeBase64(base64);
  if (!blob) return { ok: false, failure: { code: "invalid-base64", typeRange, base64Range, typeInfo } };
  const decoded = decodeKeyBlob(blob, { openssh: formatVersion(version) });
  if (!decoded.ok) {
    return { ok: false, failure: { code: "invalid-blob", typeRange, base64Range, typeInfo, error: decoded.error } };
  }
  const key = decoded.key;
  if (key.family !== typeInfo.family || key.certificate !== typeInfo.certificate || key.curve !== typeInfo.curve) {
    return { ok: false, failure: { code: "type-mismatch", typeRange, base64Range, typeInfo, key } };
  }
  const commentStart = skipBlanks(text, blobEnd);
  return {
    ok: true,
    field: {
      typeName,
      typeRange,
      typeInfo,
      base64,
      base64Range,
      blob,
      key,
      comment: text.slice(commentStart),
      commentRange: { start: commentStart, end: text.length }
    }
  };
}

// src/parse/key-options.ts
var NEGATABLE_FLAGS = [
  "port-forwarding",
  "agent-forwarding",
  "x11-forwarding",
  "touch-required",
  "verify-required",
  "pty",
  "user-rc"
];
var VALUED = ["command", "principals", "from", "expiry-time", "environment", "permitopen", "permitlisten", "tunnel"];
var KNOWN_OPTION_NAMES = [
  "restrict",
  "cert-authority",
  ...NEGATABLE_FLAGS,
  ...NEGATABLE_FLAGS.map((flag3) => `no-${flag3}`),
  ...VALUED
];
var ENV_MAX = 1024;
var PERMIT_MAX = 4096;
var TUNID_MAX = 2147483647 - 2;
var NI_MAXHOST2 = 1025;
function startsWithIgnoreCase(text, at2, word) {
  return text.slice(at2, at2 + word.length).toLowerCase() === word;
}
function dequote(text, at2) {
  if (text[at2] !== '"') return { error: "missing-start-quote" };
  let value = "";
  let i = at2 + 1;
  while (i < text.length && text[i] !== '"') {
    if (text[i] === "\\" && text[i + 1] === '"') i++;
    value += text[i];
    i++;
  }
  if (i >= text.length) return { error: "missing-end-quote" };
  return { value, end: i + 1 };
}
var OPTION_SINCE = {
  "expiry-time": "7.7",
  permitlisten: "7.8",
  "touch-required": "8.2",
  "verify-required": "8.4"
};
function optionKnown(name, version) {
  const since = OPTION_SINCE[name];
  return since === void 0 || atLeast(version, since);
}
function parseKeyOptions(text, start, version = NEWEST_KNOWN_VERSION) {
  const options = [];
  const seen = /* @__PURE__ */ new Set();
  const envNames2 = /* @__PURE__ */ new Set();
  const permitCounts = { permitopen: 0, permitlisten: 0 };
  let at2 = start;
  const fail2 = (code3, sshdMessage, range, option) => ({
    ok: false,
    error: option === void 0 ? { code: code3, sshdMessage, range } : { code: code3, sshdMessage, range, option },
    options
  });
  while (at2 < text.length && !isBlank(text[at2])) {
    const optStart = at2;
    const flag3 = matchFlag(text, at2, version);
    if (flag3) {
      at2 = flag3.end;
      options.push({ name: flag3.name, negated: flag3.negated, range: { start: optStart, end: at2 } });
    } else {
      const valued = VALUED.find((name) => optionKnown(name, version) && startsWithIgnoreCase(text, at2, name) && text[at2 + name.length] === "=");
      if (valued) {
        const valueStart = at2 + valued.length + 1;
        if (valued === "command" || valued === "principals" || valued === "from") {
          if (seen.has(valued)) {
            return fail2("multiple-clauses", `multiple "${valued}" clauses`, { start: optStart, end: tokenEndOfOption(text, valueStart) }, valued);
          }
          seen.add(valued);
        }
        if (valued === "environment" && envNames2.size > ENV_MAX) {
          return fail2("too-many", "too many environment strings", { start: optStart, end: valueStart }, valued);
        }
        if ((valued === "permitopen" || valued === "permitlisten") && permitCounts[valued]++ > PERMIT_MAX) {
          return fail2("too-many", "too many permission directives", { start: optStart, end: valueStart }, valued);
        }
        const dq = dequote(text, valueStart);
        if ("error" in dq) {
          const message = dq.error === "missing-start-quote" ? "missing start quote" : "missing end quote";
          return fail2(dq.error, message, { start: optStart, end: tokenEndOfOption(text, valueStart) }, valued);
        }
        at2 = dq.end;
        const range = { start: optStart, end: at2 };
        const problem2 = validateValue(valued, dq.value);
        if (problem2) return fail2(problem2.code, problem2.message, range, valued);
        if (valued === "environment") envNames2.add(dq.value.slice(0, dq.value.indexOf("=")));
        options.push({ name: valued, negated: false, value: dq.value, range, valueRange: { start: valueStart, end: at2 } });
      }
    }
    if (at2 >= text.length || isBlank(text[at2])) break;
    if (text[at2] !== ",") {
      return fail2("unknown-option", "unknown key option", { start: optStart, end: tokenEndOfOption(text, at2) });
    }
    at2++;
    if (at2 >= text.length) return fail2("end-of-options", "unexpected end-of-options", { start: at2 - 1, end: at2 });
  }
  return { ok: true, options };
}
function matchFlag(text, at2, version) {
  for (const name of ["restrict", "cert-authority"]) {
    if (startsWithIgnoreCase(text, at2, name)) return { name, negated: false, end: at2 + name.length };
  }
  const negated = startsWithIgnoreCase(text, at2, "no-");
  const from = negated ? at2 + 3 : at2;
  for (const name of NEGATABLE_FLAGS) {
    if (optionKnown(name, version) && startsWithIgnoreCase(text, from, name)) return { name, negated, end: from + name.length };
  }
  return void 0;
}
function tokenEndOfOption(text, from) {
  let i = from;
  while (i < text.length && text[i] !== "," && !isBlank(text[i])) i++;
  return Math.max(i, from);
}
function validateValue(name, value) {
  switch (name) {
    case "expiry-time":
      return parseExpiryTime(value) === void 0 ? { code: "invalid-expiry-time", message: "invalid expires time" } : void 0;
    case "environment": {
      const eq = value.indexOf("=");
      if (eq === -1 || !/^[A-Za-z0-9_]+$/.test(value.slice(0, eq))) {
        return { code: "invalid-environment", message: "invalid environment string" };
      }
      return void 0;
    }
    case "permitopen":
    case "permitlisten":
      return validatePermit(name === "permitlisten" && !value.includes(":") ? `*:${value}` : value);
    case "tunnel":
      return validTunnel(value) ? void 0 : { code: "invalid-tunnel", message: "invalid tun device" };
    default:
      return void 0;
  }
}
function validatePermit(spec) {
  let hostEnd;
  if (spec.startsWith("[")) {
    const close = spec.indexOf("]");
    if (close === -1) return { code: "invalid-permit", message: "invalid permission hostname" };
    hostEnd = close + 1;
  } else {
    const delim = spec.search(/[:/]/);
    hostEnd = delim === -1 ? spec.length : delim;
  }
  if (hostEnd < spec.length && spec[hostEnd] !== ":" && spec[hostEnd] !== "/") {
    return { code: "invalid-permit", message: "invalid permission hostname" };
  }
  if (new TextEncoder().encode(spec.slice(0, hostEnd)).length >= NI_MAXHOST2) return { code: "invalid-permit", message: "invalid permission hostname" };
  if (hostEnd === spec.length) return { code: "invalid-permit", message: "invalid permission port" };
  const port2 = spec.slice(hostEnd + 1);
  return validPort(port2) ? void 0 : { code: "invalid-permit", message: "invalid permission port" };
}
var STRTONUM = /^[ \t\n\v\f\r]*[+-]?\d+$/;
function validPort(port2) {
  if (port2 === "*") return true;
  if (STRTONUM.test(port2)) {
    const n = Number(port2.trim());
    return n >= 1 && n <= 65535;
  }
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(port2);
}
function validTunnel(value) {
  if (value.toLowerCase() === "any") return true;
  if (!STRTONUM.test(value)) return false;
  const n = Number(value.trim());
  return n >= 0 && n <= TUNID_MAX;
}
function parseExpiryTime(value) {
  let digits = value;
  if (digits.length > 1 && /z$/i.test(digits)) digits = digits.slice(0, -1);
  else if (digits.length > 3 && /utc$/i.test(digits)) digits = digits.slice(0, -3);
  if (![8, 12, 14].includes(digits.length)) return void 0;
  const fields = [[4, 0, 9999], [2, 1, 12], [2, 1, 31], [2, 0, 23], [2, 0, 59], [2, 0, 61]];
  const values = [];
  for (let at2 = 0, i = 0; at2 < digits.length; at2 += fields[i][0], i++) {
    const [width, min, max] = fields[i];
    const match2 = /^[ \t\n\v\f\r]*(\d+)$/.exec(digits.slice(at2, at2 + width));
    const n = match2 ? Number(match2[1]) : NaN;
    if (!(n >= min && n <= max)) return void 0;
    values.push(n);
  }
  const [year, month, day, hour = 0, minute = 0, second = 0] = values;
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second);
  const seconds = date.getTime() / 1e3;
  return seconds > 0 ? seconds : void 0;
}

// src/parse/options-then-key.ts
function optionsFieldEnd(text, start) {
  let quoted = false;
  let i = start;
  for (; i < text.length && (quoted || text[i] !== " " && text[i] !== "	"); i++) {
    if (text[i] === "\\" && text[i + 1] === '"') i++;
    else if (text[i] === '"') quoted = !quoted;
  }
  return i >= text.length && quoted ? -1 : i;
}
function readOptionsThenKey(text, start, version) {
  const optionsEnd = optionsFieldEnd(text, start);
  if (optionsEnd === -1) return void 0;
  const key = readKey(text, skipBlanks(text, optionsEnd), version);
  return key.ok ? { optionsEnd, key, options: parseKeyOptions(text, start, version) } : { optionsEnd, key };
}

// src/parse/diagnose-key-line.ts
var MAX_JOINED_TOKENS = 16;
function diagnoseKeyFailure(text, failure, version) {
  if (failure.code === "no-key-data" && !failure.typeInfo) return { code: "unparseable", range: { start: failure.typeRange.start, end: text.length } };
  if (failure.code === "invalid-base64" || failure.code === "invalid-blob") {
    const spaces = blanksInsideBlob(text, failure.base64Range.start, failure.typeInfo.family, failure.typeInfo.certificate, version);
    if (spaces) return { code: "space-in-key-data", spaces };
  }
  if (failure.code === "unknown-type") {
    const suggestion = suggestKeyType(failure.typeName);
    if (suggestion) return { code: "wrong-case-type", range: failure.typeRange, typeName: failure.typeName, suggestion };
  }
  return { code: "key", failure };
}
function diagnoseAuthorizedKeysLine(text, start, version, direct) {
  if (namesKnownType(direct)) return diagnoseKeyFailure(text, direct, version);
  if (optionsFieldEnd(text, start) === -1) return { code: "unterminated-quote", range: { start, end: text.length } };
  const spaces = blanksAfterCommas(text, start, version);
  if (spaces) return { code: "space-in-options", spaces };
  const wrongCase = diagnoseKeyFailure(text, direct, version);
  if (wrongCase.code === "wrong-case-type") return wrongCase;
  const optionsEnd = optionsFieldEnd(text, start);
  const keyStart = skipBlanks(text, optionsEnd);
  if (keyStart === text.length && startsWithKnownOption(text.slice(start, optionsEnd))) {
    return { code: "missing-key", range: { start, end: optionsEnd } };
  }
  const afterOptions = readOptionsThenKey(text, start, version);
  if (afterOptions && !afterOptions.key.ok && namesKnownType(afterOptions.key.failure)) {
    return diagnoseKeyFailure(text, afterOptions.key.failure, version);
  }
  return { code: "unparseable", range: { start, end: text.length } };
}
function namesKnownType(failure) {
  return failure.code === "no-key-data" ? failure.typeInfo !== void 0 : failure.code !== "unknown-type";
}
function startsWithKnownOption(field) {
  const lower2 = field.toLowerCase();
  return KNOWN_OPTION_NAMES.some((name) => lower2.startsWith(name));
}
function blanksInsideBlob(text, blobStart, family, certificate, version) {
  const tokens = [];
  let at2 = blobStart;
  while (at2 < text.length && tokens.length < MAX_JOINED_TOKENS) {
    const end = tokenEnd(text, at2);
    tokens.push({ start: at2, end });
    at2 = skipBlanks(text, end);
  }
  let joined = text.slice(tokens[0].start, tokens[0].end);
  for (let count2 = 2; count2 <= tokens.length; count2++) {
    const token = tokens[count2 - 1];
    joined += text.slice(token.start, token.end);
    const blob = decodeBase64(joined);
    const decoded = blob && decodeKeyBlob(blob, { openssh: formatVersion(version) });
    if (decoded && decoded.ok && decoded.key.family === family && decoded.key.certificate === certificate) {
      return tokens.slice(1, count2).map((t, i) => ({ start: tokens[i].end, end: t.start }));
    }
  }
  return void 0;
}
function blanksAfterCommas(text, start, version) {
  const spaces = [];
  let repaired = "";
  let i = start;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "," && (text[i + 1] === " " || text[i + 1] === "	")) {
      const end = skipBlanks(text, i + 1);
      spaces.push({ start: i + 1, end });
      repaired += ",";
      i = end;
      continue;
    }
    if (!quoted && (ch === " " || ch === "	")) break;
    repaired += ch;
    i++;
  }
  if (spaces.length === 0) return void 0;
  repaired += text.slice(i);
  const attempt = readOptionsThenKey(repaired, 0, version);
  return attempt?.key.ok && attempt.options?.ok ? spaces : void 0;
}
function suggestKeyType(name) {
  const lower2 = name.toLowerCase();
  const exact = KEY_TYPES.find((type) => type.name.toLowerCase() === lower2);
  if (exact) return exact.name;
  const short = { rsa: "ssh-rsa", dsa: "ssh-dss", ed25519: "ssh-ed25519", ecdsa: "ecdsa-sha2-nistp256" };
  return short[lower2];
}

// src/parse/multi-line.ts
var MAX_PIECES = 64;
var BASE64_PIECE = /^[A-Za-z0-9+/=]+$/;
function attachMultiLineRejections(lines, blocks, version) {
  const result = [...lines];
  for (const block of blocks) {
    for (let n = block.firstLine; n <= block.lastLine; n++) {
      const entry2 = result[n - 1];
      if (entry2.status === "rejected") result[n - 1] = { status: "rejected", line: entry2.line, rejection: { code: "pasted-block", block } };
    }
  }
  for (let i = 0; i < result.length; i++) {
    const last = findSplitKey(result, i, version);
    if (last === void 0) continue;
    const head = result[i];
    const typeName = head.line.text.slice(skipBlanks(head.line.text, 0), tokenEnd(head.line.text, skipBlanks(head.line.text, 0)));
    for (let n = i; n <= last; n++) {
      result[n] = { status: "rejected", line: result[n].line, rejection: { code: "split-key", firstLine: i + 1, lastLine: last + 1, typeName } };
    }
    i = last;
  }
  return result;
}
function findSplitKey(lines, i, version) {
  const head = lines[i];
  if (head.status !== "rejected" || head.rejection.code !== "key") return void 0;
  const failure = head.rejection.failure;
  if (failure.code !== "invalid-base64" && failure.code !== "invalid-blob" && failure.code !== "no-key-data") return void 0;
  const text = head.line.text;
  const typeInfo = failure.typeInfo;
  if (!typeInfo) return void 0;
  let joined = failure.code === "no-key-data" ? "" : text.slice(failure.base64Range.start, failure.base64Range.end);
  for (let j = i + 1; j < lines.length && j - i <= MAX_PIECES; j++) {
    const piece = lines[j];
    if (piece.status !== "rejected") return void 0;
    const start = skipBlanks(piece.line.text, 0);
    const token = piece.line.text.slice(start, tokenEnd(piece.line.text, start));
    if (!BASE64_PIECE.test(token)) return void 0;
    joined += token;
    const blob = decodeBase64(joined);
    const decoded = blob && decodeKeyBlob(blob, { openssh: formatVersion(version) });
    if (decoded && decoded.ok && decoded.key.family === typeInfo.family && decoded.key.certificate === typeInfo.certificate) {
      return j;
    }
  }
  return void 0;
}

// src/parse/pasted-blocks.ts
var BEGIN = /^\s*(-{4,5}) ?BEGIN ([A-Z0-9 ]+?) ?-{4,5}\s*$/;
var PUTTY = /^\s*(PuTTY-User-Key-File-\d+):/;
function classify(label) {
  if (label === "SSH2 PUBLIC KEY") return "rfc4716-public";
  if (label.includes("PRIVATE KEY")) return "private-key";
  if (label.endsWith("PUBLIC KEY")) return "pem-public";
  return "other-armour";
}
function looksLikeBlockBody(text) {
  return /^\s*[A-Za-z0-9+/=]*\s*$/.test(text) || /^\s*[A-Za-z0-9-]+:/.test(text) || /\\$/.test(text);
}
function findPastedBlocks(lines) {
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const text = lines[i].text;
    const begin = BEGIN.exec(text);
    const putty = begin ? void 0 : PUTTY.exec(text);
    if (!begin && !putty) {
      i++;
      continue;
    }
    const label = begin ? begin[2] : putty[1];
    const kind = begin ? classify(label) : "putty-private-key";
    const isEnd = (t) => begin ? new RegExp(`^\\s*-{4,5} ?END ${label} ?-{4,5}\\s*$`).test(t) : /^\s*Private-MAC:/.test(t);
    let j = i + 1;
    let terminated = false;
    while (j < lines.length) {
      const body = lines[j].text;
      if (isEnd(body)) {
        terminated = true;
        break;
      }
      if (!looksLikeBlockBody(body)) break;
      j++;
    }
    const lastLine = terminated ? j : j - 1;
    blocks.push({ kind, label, firstLine: lines[i].number, lastLine: lines[lastLine].number, unterminated: !terminated });
    i = lastLine + 1;
  }
  return blocks;
}

// src/parse/authorized-keys.ts
function cString(text) {
  const nul = text.indexOf("\0");
  return nul === -1 ? text : text.slice(0, nul);
}
function parseAuthorizedKeysLine(line, version) {
  const text = cString(line);
  const start = skipBlanks(text, 0);
  if (start === text.length || text[start] === "#") return { status: "ignored" };
  const direct = readKey(text, start, version);
  if (direct.ok) return { status: "parsed", entry: { key: direct.field, options: [] } };
  const fallback = readOptionsThenKey(text, start, version);
  if (!fallback?.key.ok || !fallback.options) {
    return { status: "rejected", rejection: diagnoseAuthorizedKeysLine(text, start, version, direct.failure) };
  }
  if (!fallback.options.ok) return { status: "rejected", rejection: { code: "option", error: fallback.options.error } };
  return {
    status: "parsed",
    entry: { key: fallback.key.field, options: fallback.options.options, optionsRange: { start, end: fallback.optionsEnd } }
  };
}
function startsWithNonZeroNumber(text, start) {
  const match2 = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text.slice(start));
  if (!match2) return false;
  const after = text[start + match2[0].length];
  if (after !== " " && after !== "	") return false;
  const max = (1n << 63n) - 1n;
  let value = BigInt(match2[1]);
  if (value > max) value = max;
  if (value < -max - 1n) value = -max - 1n;
  return BigInt.asIntN(32, value) !== 0n;
}
function parsePublicKeyLine(line, version, bom = false) {
  const text = cString(line);
  const start = bom ? 0 : skipBlanks(text, 0);
  let failure;
  if (!bom) {
    if (start === text.length || text[start] === "#") return { status: "ignored" };
    const direct = readKey(text, start, version);
    if (direct.ok) return { status: "parsed", entry: { key: direct.field, options: [] } };
    failure = direct.failure;
  }
  if (bom || !startsWithNonZeroNumber(text, start)) {
    const tokenEnd2 = optionsFieldEnd(text, start);
    if (tokenEnd2 !== -1 && tokenEnd2 < text.length) {
      const key = readKey(text, tokenEnd2 + 1, version);
      if (key.ok) {
        const options = parseKeyOptions(text, start, version);
        return {
          status: "parsed",
          entry: { key: key.field, options: options.ok ? options.options : [], optionsRange: { start, end: tokenEnd2 } }
        };
      }
    }
  }
  if (!failure) return { status: "rejected", rejection: { code: "bom" } };
  return { status: "rejected", rejection: diagnoseAuthorizedKeysLine(text, start, version, failure) };
}
function parseAuthorizedKeys(source, version, kind = "authorized_keys") {
  const lines = source.lines.map((line) => {
    const bom = line.number === 1 && source.hasBom;
    if (kind === "public_key") return { ...parsePublicKeyLine(line.text, version, bom), line };
    return bom ? { status: "rejected", line, rejection: { code: "bom" } } : { ...parseAuthorizedKeysLine(line.text, version), line };
  });
  const blocks = findPastedBlocks(source.lines);
  return { kind, source, lines: attachMultiLineRejections(lines, blocks, version), blocks };
}

// src/parse/known-hosts.ts
var HASH_MAGIC = "|1|";
var SHA1_LENGTH = 20;
function validHashedHost(hosts) {
  if (!hosts.startsWith(HASH_MAGIC)) return false;
  const end = hosts.indexOf("|", HASH_MAGIC.length);
  if (end === -1) return false;
  const salt = hosts.slice(HASH_MAGIC.length, end);
  if (salt.length === 0 || salt.length > 1024) return false;
  return decodeBase64(salt)?.length === SHA1_LENGTH;
}
function parseKnownHostsLine(text, version) {
  let at2 = skipBlanks(text, 0);
  if (at2 === text.length || text[at2] === "#") return { status: "ignored" };
  let marker;
  if (text[at2] === "@") {
    let end = text.indexOf(" ", at2);
    if (end === -1) end = text.indexOf("	", at2);
    const range = { start: at2, end: end === -1 ? tokenEnd(text, at2) : end };
    const name = text.slice(range.start, range.end);
    if (end === -1 || name !== "@cert-authority" && name !== "@revoked") {
      return { status: "rejected", rejection: { code: "invalid-marker", range } };
    }
    at2 = skipBlanks(text, end);
    if (text[at2] === "@") return { status: "rejected", rejection: { code: "invalid-marker", range: { start: at2, end: tokenEnd(text, at2) } } };
    marker = { name, range };
  }
  const hostsEnd = tokenEnd(text, at2);
  const hosts = { text: text.slice(at2, hostsEnd), range: { start: at2, end: hostsEnd } };
  if (hosts.text.startsWith("|") && !validHashedHost(hosts.text)) {
    return { status: "rejected", rejection: { code: "bad-hash", range: hosts.range } };
  }
  const keyStart = skipBlanks(text, hostsEnd);
  if (keyStart === text.length || text[keyStart] === "#") {
    return { status: "rejected", rejection: { code: "missing-key", range: hosts.range } };
  }
  const key = readKey(text, keyStart, version);
  if (!key.ok) {
    const first = text.slice(keyStart, tokenEnd(text, keyStart));
    if (/^\d{1,7}$/.test(first)) return { status: "rejected", rejection: { code: "ssh1-key", range: { start: keyStart, end: text.length } } };
    return { status: "rejected", rejection: diagnoseKeyFailure(text, key.failure, version) };
  }
  return { status: "parsed", entry: { key: key.field, options: [], knownHosts: marker ? { marker, hosts } : { hosts } } };
}
function parseKnownHosts(source, version) {
  const lines = source.lines.map((line) => ({
    ...parseKnownHostsLine(line.number === 1 && source.hasBom ? `\uFEFF${line.text}` : line.text, version),
    line
  }));
  const blocks = findPastedBlocks(source.lines);
  return { kind: "known_hosts", source, lines: attachMultiLineRejections(lines, blocks, version), blocks };
}

// src/engine/parse-source.ts
function parseSource(source, kind, version) {
  switch (kind) {
    case "authorized_keys":
    case "public_key":
      return parseAuthorizedKeys(source, version, kind);
    case "known_hosts":
      return parseKnownHosts(source, version);
    default:
      return void 0;
  }
}

// src/engine/suppressions.ts
var DIRECTIVE = /^\s*#\s*sshlint-disable-(next-line|file)\b(.*)$/;
function findDirectives(source) {
  const directives = [];
  for (const line of source.lines) {
    const match2 = DIRECTIVE.exec(line.text);
    if (!match2) continue;
    const list = match2[2].split(" -- ")[0];
    const names = list.split(",").map((name) => name.trim()).filter((name) => name.length > 0);
    const column = line.text.indexOf("#") + 1;
    directives.push({ scope: match2[1], line: line.number, column, endColumn: line.text.length + 1, names });
  }
  return directives;
}
function applySuppressions(findings, directives, resolve) {
  const used = /* @__PURE__ */ new Set();
  const key = (d, name) => `${d.line}:${name}`;
  const kept = findings.filter((finding) => {
    const match2 = directives.find(
      (d) => (d.scope === "file" || d.line + 1 === finding.line) && d.names.some((name) => resolve(name) === finding.ruleId)
    );
    if (!match2) return true;
    for (const name of match2.names) if (resolve(name) === finding.ruleId) used.add(key(match2, name));
    return false;
  });
  const unused = [];
  for (const directive of directives) {
    if (directive.names.length === 0) unused.push({ directive, name: void 0, reason: "no-rules" });
    for (const name of directive.names) {
      if (resolve(name) === void 0) unused.push({ directive, name, reason: "unknown-rule" });
      else if (!used.has(key(directive, name))) unused.push({ directive, name, reason: "unused" });
    }
  }
  return { kept, unused };
}

// src/engine/lint-source.ts
var UNUSED_SUPPRESSION = "SSH002";
function toFinding(enabled, file, hit) {
  const finding = {
    ruleId: enabled.rule.id,
    alias: enabled.rule.alias,
    severity: enabled.severity,
    category: enabled.rule.category,
    file: hit.file ?? file,
    line: hit.line,
    column: hit.column,
    message: hit.message
  };
  if (hit.endLine !== void 0) finding.endLine = hit.endLine;
  if (hit.endColumn !== void 0) finding.endColumn = hit.endColumn;
  if (hit.help !== void 0) finding.help = hit.help;
  if (hit.related !== void 0) finding.related = hit.related;
  return finding;
}
function suppressFindings(findings, source, ruleSet) {
  const { kept, unused } = applySuppressions(findings, findDirectives(source), ruleSet.resolve);
  const reporter = ruleSet.byId(UNUSED_SUPPRESSION);
  if (reporter) {
    for (const { directive, name, reason } of unused) {
      const message = reason === "no-rules" ? "This sshlint-disable comment names no rule: name the rule ids or aliases it should suppress." : reason === "unknown-rule" ? `"${name}" is not an sshlint rule id or alias, so this comment suppresses nothing.` : `Nothing here is reported by ${name}: remove it from this sshlint-disable comment.`;
      kept.push(toFinding(reporter, source.path, { line: directive.line, column: directive.column, endColumn: directive.endColumn, message }));
    }
  }
  return kept;
}
function lintSource(source, kind, ruleSet, context) {
  const model = parseSource(source, kind, context.version);
  if (!model) return [];
  const findings = [];
  for (const enabled of ruleSet.enabled) {
    const rule = enabled.rule;
    if (!rule.check || !rule.kinds.includes(model.kind)) continue;
    for (const hit of rule.check(model, context)) findings.push(toFinding(enabled, source.path, hit));
  }
  return suppressFindings(findings, source, ruleSet);
}

// src/engine/lint-config-trees.ts
function isMainConfig(model) {
  return !/(^|\/)[^/]+\.d\//.test(model.source.path);
}
async function lintConfigTrees(models, ruleSet, context, options) {
  const byPath = new Map(models.map((model) => [model.source.path, model]));
  const resolverFor = (kind) => repositoryIncludeResolver({
    cwd: options.cwd,
    root: options.root,
    load: async (displayPath) => {
      const known = byPath.get(displayPath) ?? await options.loadExtra(displayPath, kind);
      if (known) byPath.set(displayPath, known);
      return known;
    }
  });
  const trees = [];
  const included = /* @__PURE__ */ new Set();
  for (const model of models.filter(isMainConfig)) {
    const tree = await buildConfigTree(model, resolverFor(model.kind));
    trees.push(tree);
    for (const file of tree.files.slice(1)) included.add(file);
  }
  for (const model of models) {
    if (!isMainConfig(model) && !included.has(model)) trees.push(await buildConfigTree(model, resolverFor(model.kind)));
  }
  const release = formatVersion(context.version);
  if (!isRelease(release)) throw new Error(`no keyword tables for OpenSSH ${release}`);
  const findings = [];
  for (const tree of trees) {
    const analysis = {
      kind: tree.main.kind,
      tree,
      verdicts: validateConfigTree(tree, { program: tree.main.kind === "sshd_config" ? "sshd" : "ssh", release, build: DEBIAN_BUILD })
    };
    const treeFindings = [];
    for (const enabled of ruleSet.enabled) {
      const rule = enabled.rule;
      if (!rule.checkConfig || !rule.kinds.includes(analysis.kind)) continue;
      for (const hit of rule.checkConfig(analysis, context)) treeFindings.push(toFinding(enabled, tree.main.source.path, hit));
    }
    for (const file of tree.files) {
      findings.push(...suppressFindings(treeFindings.filter((finding) => finding.file === file.source.path), file.source, ruleSet));
    }
  }
  return dedupe(findings);
}
function dedupe(findings) {
  const seen = /* @__PURE__ */ new Set();
  return findings.filter((finding) => {
    const key = JSON.stringify([finding.ruleId, finding.file, finding.line, finding.column, finding.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
function configRoot(inputs, cwd) {
  const absolute = inputs.map((input) => path4.resolve(cwd, input));
  if (absolute.every((p) => p === cwd || p.startsWith(cwd + path4.sep))) return cwd;
  const first = absolute[0];
  return existsSync2(first) && statSync(first).isDirectory() ? first : path4.dirname(first);
}

// src/discover/discover.ts
var import_ignore2 = __toESM(require_ignore(), 1);
import { lstatSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path6 from "node:path";

// src/core/file-kind.ts
var USER_KINDS = ["authorized_keys", "sshd_config", "ssh_config", "known_hosts", "public_key"];
function isUserKind(value) {
  return USER_KINDS.includes(value);
}

// src/discover/git-files.ts
import { spawn } from "node:child_process";
var REPOSITORY_VARIABLES = ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"];
function gitEnvironment() {
  const env = { ...process.env, LC_ALL: "C" };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}
async function listGitFiles(dir) {
  const run = await runGit(["-c", "core.fsmonitor=false", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], dir);
  if (run === void 0) return { ok: false, reason: void 0 };
  const stderrLines = run.stderr.split("\n").filter((line) => line.trim() !== "");
  if (run.code !== 0) {
    const notARepository = stderrLines.some((line) => line.includes("not a git repository"));
    return { ok: false, reason: notARepository ? void 0 : stderrLines[0] ?? `git exited with code ${run.code}` };
  }
  const relPaths = [...new Set(run.stdout.toString("utf8").split("\0"))].filter((relPath) => relPath !== "");
  return { ok: true, relPaths, warnings: stderrLines };
}
function runGit(args, cwd) {
  return new Promise((resolve) => {
    const child = spawn("git", args, { cwd, env: gitEnvironment(), stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    const stdout = [];
    const stderr = [];
    child.stdout.on("data", (chunk) => stdout.push(chunk));
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    child.on("error", () => resolve(void 0));
    child.on("close", (code3) => resolve({ code: code3, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString("utf8") }));
  });
}

// src/discover/walk-files.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readdir, readFile } from "node:fs/promises";
import path5 from "node:path";
async function listFilesWithoutGit(dir, skippedNames) {
  const listing2 = { relPaths: [], unreadableDirs: [] };
  await walk(dir, "", [], skippedNames, listing2);
  return listing2;
}
async function walk(root, relDir, inherited, skippedNames, listing2) {
  let entries;
  try {
    entries = await readdir(path5.join(root, relDir), { withFileTypes: true });
  } catch {
    listing2.unreadableDirs.push(relDir);
    return;
  }
  const hasGitignore = entries.some((entry2) => entry2.name === ".gitignore" && !entry2.isDirectory());
  const levels = hasGitignore ? [...inherited, await loadGitignore(root, relDir)] : inherited;
  const subdirectories = [];
  for (const entry2 of entries) {
    if (skippedNames.includes(entry2.name)) continue;
    const relPath = relDir === "" ? entry2.name : `${relDir}/${entry2.name}`;
    const isDirectory = entry2.isDirectory();
    if (isIgnored(levels, relPath, isDirectory)) continue;
    if (isDirectory) subdirectories.push(walk(root, relPath, levels, skippedNames, listing2));
    else listing2.relPaths.push(relPath);
  }
  await Promise.all(subdirectories);
}
async function loadGitignore(root, relDir) {
  const text = await readFile(path5.join(root, relDir, ".gitignore"), "utf8").catch(() => "");
  return { base: relDir, matcher: (0, import_ignore.default)().add(text) };
}
function isIgnored(levels, relPath, isDirectory) {
  let ignored2 = false;
  for (const { base, matcher } of levels) {
    const local = (base === "" ? relPath : relPath.slice(base.length + 1)) + (isDirectory ? "/" : "");
    const verdict = matcher.test(local);
    if (verdict.ignored) ignored2 = true;
    else if (verdict.unignored) ignored2 = false;
  }
  return ignored2;
}

// src/discover/kinds.ts
var FILE_NAME_KINDS = /* @__PURE__ */ new Map([
  ["authorized_keys", "authorized_keys"],
  ["authorized_keys2", "authorized_keys"],
  ["known_hosts", "known_hosts"],
  ["known_hosts2", "known_hosts"],
  ["ssh_known_hosts", "known_hosts"],
  ["ssh_known_hosts2", "known_hosts"],
  ["sshd_config", "sshd_config"],
  ["ssh_config", "ssh_config"],
  // ssh(1)'s default identity files; the FIDO ones (`id_ecdsa_sk`, `id_ed25519_sk`) match PRIVATE_KEY_NAME.
  ["id_rsa", "private_key"],
  ["id_dsa", "private_key"],
  ["id_ecdsa", "private_key"],
  ["id_ed25519", "private_key"],
  ["id_xmss", "private_key"]
]);
var PRIVATE_KEY_NAME = /^(?:id_\w+_sk|ssh_host_\w+_key)$/;
var DROP_IN_DIRECTORIES = /* @__PURE__ */ new Map([
  ["sshd_config.d", "sshd_config"],
  ["ssh_config.d", "ssh_config"],
  [".ssh/config.d", "ssh_config"]
]);
var DOCUMENTATION_NAME = /^readme(?:\..*)?$|\.md$/i;
function kindFromPath(relPath) {
  const segments = relPath.split(/[\\/]/);
  const name = segments.at(-1) ?? "";
  const parent = segments.at(-2);
  const grandparent = segments.at(-3);
  const byName = FILE_NAME_KINDS.get(name);
  if (byName) return byName;
  if (/\.pub$/i.test(name)) return "public_key";
  if (/\.ppk$/i.test(name) || PRIVATE_KEY_NAME.test(name)) return "private_key";
  if (parent === ".ssh" && name === "config") return "ssh_config";
  if (parent !== void 0 && !DOCUMENTATION_NAME.test(name)) {
    const dropIn = DROP_IN_DIRECTORIES.get(parent) ?? (grandparent === void 0 ? void 0 : DROP_IN_DIRECTORIES.get(`${grandparent}/${parent}`));
    if (dropIn) return dropIn;
  }
  return void 0;
}
var CONTENT_SNIFF_BYTES = 8192;
var PEM_PRIVATE_KEY_MARKERS = [
  "-----BEGIN OPENSSH PRIVATE KEY-----",
  "-----BEGIN RSA PRIVATE KEY-----",
  "-----BEGIN DSA PRIVATE KEY-----",
  "-----BEGIN EC PRIVATE KEY-----",
  "-----BEGIN PRIVATE KEY-----",
  "-----BEGIN ENCRYPTED PRIVATE KEY-----",
  // ssh.com's format; it can hold an unencrypted key despite its name.
  "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----"
];
var PUTTY_PRIVATE_KEY_MARKERS = ["PuTTY-User-Key-File-2:", "PuTTY-User-Key-File-3:"];
var PRIVATE_KEY_MARKERS = [...PEM_PRIVATE_KEY_MARKERS, ...PUTTY_PRIVATE_KEY_MARKERS];
var PEM_BEGIN = "-----BEGIN ";
function kindFromContent(head) {
  const lines = head.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const first = lines.find((line) => line.trim() !== "")?.trim();
  if (first === void 0) return void 0;
  if (PRIVATE_KEY_MARKERS.some((marker) => first.startsWith(marker))) return "private_key";
  if (first.startsWith(PEM_BEGIN) && lines.some((line) => PEM_PRIVATE_KEY_MARKERS.some((marker) => line.startsWith(marker)))) {
    return "private_key";
  }
  return void 0;
}

// src/discover/discover.ts
var SKIPPED_DIRECTORY_NAMES = [".git", "node_modules"];
async function discoverFiles(paths, options) {
  const inputs = await Promise.all(paths.map((input) => statInput(input, options.cwd)));
  const collector = new Collector(options);
  for (const { absPath, stats } of inputs) {
    if (stats.isDirectory()) await scanDirectory(absPath, collector);
    else await collector.addExplicit(absPath);
  }
  return collector.result();
}
async function statInput(input, cwd) {
  const absPath = path6.resolve(cwd, input);
  let stats;
  try {
    stats = await stat(absPath);
  } catch (error) {
    throw new UsageError(`cannot read ${JSON.stringify(input)}: ${describeFsError(error)}`);
  }
  if (!stats.isFile() && !stats.isDirectory()) throw new UsageError(`${JSON.stringify(input)} is neither a file nor a directory`);
  return { absPath, stats };
}
async function scanDirectory(absDir, collector) {
  const realRoot = await realpath(absDir);
  const symlinks = [];
  for (const relPath of await listDirectory(absDir, collector)) {
    if (isInSkippedDirectory(relPath)) continue;
    const absPath = path6.join(absDir, relPath);
    const stats = lstatEntry(absPath, relPath, collector);
    if (stats?.isFile()) collector.addFound(absPath, path6.join(realRoot, relPath), false);
    else if (stats?.isSymbolicLink()) symlinks.push(absPath);
  }
  await Promise.all(symlinks.map((absPath) => classifySymlink(absPath, realRoot, collector)));
}
async function listDirectory(absDir, collector) {
  const git = await listGitFiles(absDir);
  if (git.ok) {
    for (const warning of git.warnings) collector.note(absDir, `git: ${warning}`);
    return git.relPaths;
  }
  if (git.reason !== void 0) collector.note(absDir, `git ls-files failed (${git.reason}); scanned without git, honouring .gitignore files`);
  const walk2 = await listFilesWithoutGit(absDir, SKIPPED_DIRECTORY_NAMES);
  for (const relDir of walk2.unreadableDirs) collector.note(path6.join(absDir, relDir), "directory cannot be read; skipped");
  return walk2.relPaths;
}
function isInSkippedDirectory(relPath) {
  return relPath.split("/").some((segment) => SKIPPED_DIRECTORY_NAMES.includes(segment));
}
function lstatEntry(absPath, relPath, collector) {
  try {
    const stats = lstatSync(absPath, { throwIfNoEntry: false });
    if (stats === void 0 && relPath.includes("�")) collector.note(absPath, "file name is not valid UTF-8; skipped");
    return stats;
  } catch (error) {
    collector.note(absPath, `cannot be read: ${describeFsError(error)}`);
    return void 0;
  }
}
async function classifySymlink(absPath, realRoot, collector) {
  let target;
  try {
    target = await realpath(absPath);
  } catch (error) {
    const reason = errorCode(error) === "ELOOP" ? "symbolic link loop" : `broken symbolic link (${describeFsError(error)})`;
    collector.note(absPath, `${reason}; skipped`);
    return;
  }
  if (target !== realRoot && !target.startsWith(realRoot + path6.sep)) {
    collector.note(absPath, "symbolic link to a path outside the scanned directory; not followed");
    return;
  }
  const targetStats = await stat(target).catch(() => void 0);
  if (targetStats?.isFile()) collector.addFound(absPath, target, true);
}
var Collector = class {
  constructor(options) {
    this.options = options;
    this.configIgnore = options.ignore?.length ? (0, import_ignore2.default)().add(options.ignore) : void 0;
  }
  options;
  candidatesByRealPath = /* @__PURE__ */ new Map();
  notes = [];
  notedKindDirectories = /* @__PURE__ */ new Set();
  /** undefined without patterns: matching every path of a large repository against nothing costs. */
  configIgnore;
  async addExplicit(absPath) {
    const displayPath = this.displayPath(absPath);
    if (this.isIgnoredByConfig(displayPath)) return;
    const realPath = await realpath(absPath);
    const viaSymlink = realPath !== absPath;
    const kind = this.options.kind ?? kindFromPaths(absPath, realPath);
    this.add(realPath, { absPath: viaSymlink ? realPath : absPath, displayPath, kind, explicit: true, viaSymlink });
  }
  addFound(absPath, realPath, viaSymlink) {
    const displayPath = this.displayPath(absPath);
    if (this.isIgnoredByConfig(displayPath)) return;
    this.noteKindNamedDirectories(displayPath);
    const kind = kindFromPaths(absPath, realPath);
    this.add(realPath, { absPath: viaSymlink ? realPath : absPath, displayPath, kind, explicit: false, viaSymlink });
  }
  note(absPath, message) {
    this.notes.push({ displayPath: this.displayPath(absPath), message });
  }
  result() {
    const files = [...this.candidatesByRealPath.values()].map(mergeCandidates).sort(byDisplayPath);
    const notes = new Map(this.notes.map((note) => [JSON.stringify([note.displayPath, note.message]), note]));
    return { files, notes: [...notes.values()].sort(byDisplayPath) };
  }
  add(realPath, candidate) {
    const existing = this.candidatesByRealPath.get(realPath);
    if (existing) existing.push(candidate);
    else this.candidatesByRealPath.set(realPath, [candidate]);
  }
  displayPath(absPath) {
    return path6.relative(this.options.cwd, absPath).split(path6.sep).join("/") || ".";
  }
  /** Config patterns are relative to cwd; `ignore` cannot judge paths outside it, and they are never ignored. */
  isIgnoredByConfig(displayPath) {
    if (this.configIgnore === void 0 || displayPath.startsWith("../") || path6.isAbsolute(displayPath)) return false;
    return this.configIgnore.ignores(displayPath);
  }
  /** `authorized_keys/alice`: its directory is named like a file kind, so say why its files are not read as one. */
  noteKindNamedDirectories(displayPath) {
    const segments = displayPath.split("/");
    for (let index = 0; index < segments.length - 1; index++) {
      const kind = FILE_NAME_KINDS.get(segments[index] ?? "");
      const directory = segments.slice(0, index + 1).join("/");
      if (kind === void 0 || this.notedKindDirectories.has(directory)) continue;
      this.notedKindDirectories.add(directory);
      const hint = isUserKind(kind) ? ` (name them with --kind ${kind} to check them as ${kind})` : "";
      this.notes.push({ displayPath: directory, message: `a directory named like an SSH file (${kind}): its files are checked by their own names${hint}` });
    }
  }
};
function kindFromPaths(absPath, realPath) {
  return kindFromPath(absPath) ?? kindFromPath(realPath);
}
function mergeCandidates(candidates) {
  const ranked = [...candidates].sort(
    (a, b) => Number(b.explicit) - Number(a.explicit) || Number(a.viaSymlink) - Number(b.viaSymlink) || byDisplayPath(a, b)
  );
  const [primary] = ranked;
  return {
    absPath: primary.absPath,
    displayPath: primary.displayPath,
    kind: primary.kind ?? ranked.find((candidate) => candidate.kind !== void 0)?.kind,
    explicit: primary.explicit
  };
}
function byDisplayPath(a, b) {
  return a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0;
}

// src/discover/read-file.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
var DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
var BINARY_PROBE_BYTES = 8192;
var UTF8_BOM = [239, 187, 191];
var MIN_CHUNK_BYTES = 64 * 1024;
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
async function readTextFile(absPath, limits = { maxBytes: DEFAULT_MAX_BYTES }) {
  let handle2;
  try {
    handle2 = await open(absPath, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: "unreadable", message: `cannot open: ${describeFsError(error)}` };
  }
  try {
    const stats = await handle2.stat();
    if (!stats.isFile()) return { ok: false, reason: "not-a-file", message: "not a regular file" };
    if (stats.size > limits.maxBytes) return tooLarge(stats.size, limits.maxBytes);
    const bytes = await readAtMost(handle2, limits.maxBytes, stats.size);
    if (bytes === void 0) return tooLarge(void 0, limits.maxBytes);
    return decode(bytes);
  } catch (error) {
    return { ok: false, reason: "unreadable", message: `cannot read: ${describeFsError(error)}` };
  } finally {
    await handle2.close();
  }
}
async function readAtMost(handle2, maxBytes, expectedSize) {
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const wanted = Math.max(expectedSize - total + 1, MIN_CHUNK_BYTES);
    const chunk = Buffer.allocUnsafe(Math.min(wanted, maxBytes + 1 - total));
    const { bytesRead } = await handle2.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return new Uint8Array(Buffer.concat(chunks, total));
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) return void 0;
  }
}
function decode(bytes) {
  const nul = bytes.subarray(0, BINARY_PROBE_BYTES).indexOf(0);
  if (nul !== -1) return { ok: false, reason: "binary", message: binaryMessage(bytes, nul) };
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  const invalidUtf8 = !isUtf8(body);
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(body);
  return { ok: true, bytes, text, hasBom, invalidUtf8 };
}
function binaryMessage(bytes, nul) {
  const utf16Bom = bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255;
  return utf16Bom ? "file is UTF-16 encoded; OpenSSH reads its files as UTF-8/ASCII" : `binary file (NUL byte at offset ${nul})`;
}
function tooLarge(size, maxBytes) {
  const actual = size === void 0 ? "more than that" : `${size} bytes`;
  return { ok: false, reason: "too-large", message: `file is larger than the limit of ${maxBytes} bytes (${actual})` };
}

// src/rules/general/unreadable-file.ts
var unreadable_file_default = defineEngineRule({
  id: "SSH001",
  alias: "unreadable-file",
  kinds: ["authorized_keys", "known_hosts", "public_key", "sshd_config", "ssh_config", "private_key"],
  category: "hygiene",
  severity: "note",
  docs: {
    summary: "An SSH file could not be analysed: binary, too large, unreadable, or a link leaving the repository.",
    what: "A file whose name says it is an SSH file (or that was named on the command line) was skipped: it holds NUL bytes, is larger than the size limit, cannot be read, is not a regular file, or is a symbolic link that points outside the scanned root (sshlint never reads outside it).",
    why: "What sshlint cannot read it cannot check. A binary `authorized_keys` or one that is a directory is also what sshd refuses: it reads nothing from it, and nobody can log in with a key.",
    bad: "$ file home/deploy/.ssh/authorized_keys\nhome/deploy/.ssh/authorized_keys: data",
    good: "$ file home/deploy/.ssh/authorized_keys\nhome/deploy/.ssh/authorized_keys: OpenSSH ED25519 public key",
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT"]
  }
});

// src/rules/general/unused-suppression.ts
var unused_suppression_default = defineEngineRule({
  id: "SSH002",
  alias: "unused-suppression",
  kinds: ["authorized_keys", "known_hosts", "public_key", "sshd_config", "ssh_config"],
  category: "hygiene",
  severity: "warning",
  docs: {
    summary: "An inline `sshlint-disable` comment suppresses nothing or names no rule.",
    what: "A `# sshlint-disable-next-line RULE` or `# sshlint-disable-file RULE` comment that did not suppress any finding, or that names a rule id or alias sshlint does not have.",
    why: "A stale suppression hides the next real problem on that line, and a misspelt rule name suppresses nothing while looking as if it did.",
    bad: "# sshlint-disable-next-line SSH999\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop",
    good: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop",
    references: ["ESLint --report-unused-disable-directives"]
  }
});

// src/rules/examples.ts
var ED25519_EXAMPLE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
var ED25519_BLOB = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";
var KEY_FILE_KINDS = ["authorized_keys", "known_hosts", "public_key"];

// src/rules/key-files/unparseable-line.ts
var BASE64_ONLY = /^\s*[A-Za-z0-9+/]{16,}={0,2}\s*$/;
var unparseable_line_default = defineKeyFileRule({
  id: "SSH100",
  alias: "unparseable-line",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A line that is neither a comment nor a key OpenSSH can read.",
    what: "A non-blank line that does not start with `#` and does not parse as `keytype base64 [comment]` (or, in authorized_keys, `options keytype base64 [comment]`), and that no more specific rule explains: options with no key after them, free text, a stray fragment.",
    why: "sshd and ssh skip such a line without a word at their default log level (debug2 only). If the line was meant to be a key, its owner is locked out and nothing says why.",
    bad: `no-pty,no-port-forwarding
alice's laptop key`,
    good: `no-pty,no-port-forwarding ${ED25519_EXAMPLE} alice@laptop
# alice's laptop key`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT", "OpenSSH auth2-pubkeyfile.c auth_check_authkey_line()", "OpenSSH sshkey.c sshkey_read()"]
  },
  check(model) {
    const what = model.kind === "known_hosts" ? "Host names" : "Options";
    const missing2 = rejectedLines(model, "missing-key").map(
      ({ line, rejection }) => hitAt(line, rejection.range, `${what} ${quote(line.text.slice(rejection.range.start, rejection.range.end))} are not followed by a key; OpenSSH skips this line.`, `Put the key type and the base64 key after the ${what.toLowerCase()}, on the same line, separated by a space.`)
    );
    const other = rejectedLines(model, "unparseable").map(
      ({ line, rejection }) => BASE64_ONLY.test(line.text) ? hitAt(line, rejection.range, "This line holds only base64 with no key type: it looks like part of a key wrapped across lines. OpenSSH skips it.", "Join the key back into one line: `keytype base64 comment`.") : hitAt(line, rejection.range, `OpenSSH cannot read a key from ${quote(line.text.trim())} and skips this line.`, "Write keys as `keytype base64 [comment]` on one line, and start comments with `#`.")
    );
    return [...missing2, ...other].sort((a, b) => a.line - b.line);
  }
});

// src/rules/key-files/unknown-key-type.ts
var unknown_key_type_default = defineKeyFileRule({
  id: "SSH101",
  alias: "unknown-key-type",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "The key type is not one the target OpenSSH knows (wrong case, a signature name, a removed type).",
    what: "The key type label must be an exact, case-sensitive key type name the target OpenSSH release knows: `ssh-ed25519`, `ssh-rsa`, `ecdsa-sha2-nistp256`, `sk-ssh-ed25519@openssh.com`… `SSH-ED25519` or `ed25519` are not (a signature algorithm name such as `rsa-sha2-512` happens to be read as its key type); `ssh-dss` is unknown from OpenSSH 10.0, which removed DSA.",
    why: "sshd compares the label byte for byte (`sshkey_read`); an unknown label makes it skip the line silently, so the key never authenticates.",
    bad: `SSH-ED25519 ${ED25519_BLOB} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ["OpenSSH sshkey.c peek_type_nid()", "sshd(8) AUTHORIZED_KEYS FILE FORMAT (list of key types)", "OpenSSH 10.0 release notes (DSA removed)"]
  },
  check(model, context) {
    const hits = [];
    for (const { line, rejection } of rejectedLines(model, "wrong-case-type")) {
      hits.push(hitAt(line, rejection.range, `${quote(rejection.typeName)} is not a key type OpenSSH knows (names are case-sensitive: ${rejection.suggestion}?); the line is skipped.`, `Write the key type as \`${rejection.suggestion}\`.`));
    }
    for (const { line, rejection } of rejectedLines(model, "key")) {
      const failure = rejection.failure;
      if (failure.code === "unknown-type") {
        hits.push(hitAt(line, failure.typeRange, `${quote(failure.typeName)} is not a key type OpenSSH knows; the line is skipped.`, "Start the key with its type, e.g. `ssh-ed25519`, exactly as ssh-keygen wrote it."));
      } else if (failure.code === "type-unavailable") {
        const info = failure.typeInfo;
        const when = info.removed && atLeast(context.version, info.removed) ? `was removed in OpenSSH ${info.removed}` : info.optionalFrom && atLeast(context.version, info.optionalFrom) ? `is not in default OpenSSH builds from ${info.optionalFrom} on (only with ${info.buildFlag ?? "a build option"})` : info.since ? `needs OpenSSH ${info.since} or later` : `is only in OpenSSH builds made with ${info.buildFlag ?? "a build option"}`;
        hits.push(hitAt(line, failure.typeRange, `Key type ${info.name} ${when}; OpenSSH ${formatVersion(context.version)} skips this line.`, info.family === "dss" ? "Replace the DSA key with an Ed25519 key (`ssh-keygen -t ed25519`)." : "Use a key type the server supports, such as ssh-ed25519."));
      }
    }
    return hits.sort((a, b) => a.line - b.line);
  }
});

// src/rules/key-files/invalid-key-data.ts
var invalid_key_data_default = defineKeyFileRule({
  id: "SSH102",
  alias: "invalid-key-data",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "The base64 key data is missing, not valid base64, truncated, or not a valid key.",
    what: "After the key type comes the key blob in base64. It is missing, holds characters base64 does not have, was cut short (a copy that lost its end), or decodes to bytes that are not a valid key of that type: a truncated blob, trailing bytes, an EC point off its curve, an RSA modulus below the 1024 bits OpenSSH accepts, a certificate whose signature does not verify.",
    why: "OpenSSH decodes the blob with `sshkey_fromb`; any failure makes sshd skip the line silently, and the key never authenticates.",
    bad: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9o alice@laptop",
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ["OpenSSH sshkey.c sshkey_read(), sshkey_from_blob_internal()", "OpenSSH ssh-rsa.c (SSH_RSA_MINIMUM_MODULUS_SIZE)", "RFC 4253 §6.6 public key formats"]
  },
  check(model) {
    const hits = [];
    for (const { line, rejection } of rejectedLines(model, "key")) {
      const failure = rejection.failure;
      const help = "Copy the key again from its .pub file (`cat ~/.ssh/id_ed25519.pub`), as one unbroken line.";
      if (failure.code === "no-key-data" && failure.typeInfo) {
        hits.push(hitAt(line, failure.typeRange, `Key type ${failure.typeInfo.name} has no key data after it; OpenSSH skips this line.`, help));
      } else if (failure.code === "invalid-base64") {
        hits.push(hitAt(line, failure.base64Range, "The key data is not valid base64; OpenSSH skips this line.", help));
      } else if (failure.code === "invalid-blob") {
        const error = failure.error;
        const message = error.code === "key-length" ? `This ${failure.typeInfo.name} key is refused by OpenSSH: ${error.message}. The line is skipped.` : `The ${failure.typeInfo.name} key data is not a valid key (${error.message}); OpenSSH skips this line.`;
        hits.push(hitAt(line, failure.base64Range, message, error.code === "key-length" ? "Generate a new key: `ssh-keygen -t ed25519`." : help));
      }
    }
    return hits;
  }
});

// src/rules/key-files/key-type-mismatch.ts
var key_type_mismatch_default = defineKeyFileRule({
  id: "SSH103",
  alias: "key-type-mismatch",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "The key type label does not match the key inside the base64 data.",
    what: "The base64 blob starts with its own type name; OpenSSH requires it to equal the label in front of it (and for ECDSA, the same curve). A label edited by hand, or the blob of another key pasted after it, breaks that.",
    why: "sshd fails with SSH_ERR_KEY_TYPE_MISMATCH (or EC_CURVE_MISMATCH) and skips the line silently.",
    bad: `ssh-rsa ${ED25519_BLOB} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH sshkey.c sshkey_read() ("ensure type of blob matches type at start of line")']
  },
  check(model) {
    return rejectedLines(model, "key").flatMap(({ line, rejection }) => {
      const failure = rejection.failure;
      if (failure.code !== "type-mismatch") return [];
      const actual = failure.key.curve && failure.key.family === "ecdsa" ? `${failure.key.type} (curve ${failure.key.curve})` : failure.key.type;
      return [
        hitAt(line, failure.typeRange, `The line says ${failure.typeInfo.name} but the key data is a ${actual} key; OpenSSH skips this line.`, `Change the label to the key's real type, or paste the key that belongs to it.`)
      ];
    });
  }
});

// src/rules/key-files/key-split-across-lines.ts
var key_split_across_lines_default = defineKeyFileRule({
  id: "SSH104",
  alias: "key-split-across-lines",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A key wrapped onto several lines (every piece is reported).",
    what: "A key whose base64 data continues on the following lines, as a terminal, an editor or an email client wraps long lines. Joined back, the pieces make a valid key, which is how sshlint tells this from other damage.",
    why: 'OpenSSH reads these files one line at a time, so no piece is a key: sshd skips every one of them silently and the owner gets "Permission denied (publickey)". This is the most common authorized_keys mistake.',
    bad: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0Sd\nG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop",
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['sshd(8): "Each line of the file contains one key"', "OpenSSH sshkey.c sshkey_read()"]
  },
  check(model) {
    return rejectedLines(model, "split-key").map(({ line, rejection }) => {
      const piece = line.number - rejection.firstLine + 1;
      const pieces = rejection.lastLine - rejection.firstLine + 1;
      return hitAt(
        line,
        { start: 0, end: line.text.length },
        `This ${rejection.typeName} key is split across lines ${rejection.firstLine}–${rejection.lastLine} (this is piece ${piece} of ${pieces}); OpenSSH reads one key per line and skips every piece.`,
        `Join lines ${rejection.firstLine}–${rejection.lastLine} into one line with no breaks inside the base64 data.`
      );
    });
  }
});

// src/rules/key-files/space-in-key-data.ts
var space_in_key_data_default = defineKeyFileRule({
  id: "SSH105",
  alias: "space-in-key-data",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "Spaces or tabs inside the base64 key data.",
    what: "The base64 data is interrupted by blanks, usually where a wrapped key was joined back with spaces. Without the blanks the data is a valid key.",
    why: "The key data ends at the first blank, so OpenSSH decodes only the first part, fails, and skips the line silently.",
    bad: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0Sd G6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop",
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ['OpenSSH sshkey.c sshkey_read() ("find end of keyblob")']
  },
  check(model) {
    return rejectedLines(model, "space-in-key-data").map(
      ({ line, rejection }) => hitAt(
        line,
        rejection.spaces[0],
        `The key data contains ${rejection.spaces.length === 1 ? "a blank" : `${rejection.spaces.length} blanks`}; OpenSSH stops reading it there and skips this line.`,
        "Remove the blanks inside the base64 data."
      )
    );
  }
});

// src/rules/key-files/byte-order-mark.ts
var byte_order_mark_default = defineKeyFileRule({
  id: "SSH106",
  alias: "byte-order-mark",
  kinds: ["authorized_keys", "public_key"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "The file starts with a UTF-8 byte-order mark, so OpenSSH cannot read its first line.",
    what: "The first three bytes are EF BB BF, a byte-order mark some Windows editors and PowerShell (`Out-File`, `Set-Content -Encoding UTF8` in Windows PowerShell) write.",
    why: "OpenSSH does not strip it: the first line is no longer blank, a comment or a key, so sshd skips it. When that line is a key, its owner is locked out without any message.",
    bad: `<EF BB BF>${ED25519_EXAMPLE} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ["OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file() (no BOM handling)", "tested with OpenSSH 9.2p1"]
  },
  check(model) {
    return rejectedLines(model, "bom").map(({ line }) => ({
      line: line.number,
      column: 1,
      endColumn: line.text.length + 1,
      message: /^\s*#/.test(line.text) || line.text.trim() === "" ? "The file starts with a UTF-8 byte-order mark; OpenSSH does not strip it (harmless on this comment line, fatal as soon as a key is the first line)." : "The file starts with a UTF-8 byte-order mark; OpenSSH does not strip it and skips this first key.",
      help: "Save the file as UTF-8 without BOM (e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' FILE`)."
    }));
  }
});

// src/rules/key-files/pasted-key-block.ts
var WHAT = {
  "rfc4716-public": "an RFC 4716 public key block (what `ssh-keygen -e` and some GUIs export)",
  "pem-public": "a PEM public key block",
  "private-key": "a PRIVATE key block",
  "putty-private-key": "a PuTTY private key file (.ppk)",
  "other-armour": "an armoured block"
};
var FIX = {
  "rfc4716-public": "Convert it to one line with `ssh-keygen -i -m RFC4716 -f key.pub` and use that instead.",
  "pem-public": "Convert it to one line with `ssh-keygen -i -m PKCS8 -f key.pem` and use that instead.",
  "private-key": "Remove it, treat the key as compromised, and add the matching public key (`ssh-keygen -y -f KEY`) instead.",
  "putty-private-key": "Remove it, treat the key as compromised, and add the public key (`puttygen KEY.ppk -O public-openssh`) instead.",
  "other-armour": "Replace it with a one-line OpenSSH public key."
};
var pasted_key_block_default = defineKeyFileRule({
  id: "SSH107",
  alias: "pasted-key-block",
  kinds: KEY_FILE_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A multi-line key block (RFC 4716, PEM, PuTTY, private key) pasted where one-line keys belong.",
    what: "A `---- BEGIN SSH2 PUBLIC KEY ----` block, a PEM `-----BEGIN … KEY-----` block or a `PuTTY-User-Key-File` block inside authorized_keys, known_hosts or a .pub file.",
    why: "OpenSSH only reads one-line keys here and skips every line of the block silently, so the key never works. A private key block also exposes the key (see SSH600).",
    bad: '---- BEGIN SSH2 PUBLIC KEY ----\nComment: "alice@laptop"\nAAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n---- END SSH2 PUBLIC KEY ----',
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT", "ssh-keygen(1) -i / -e", "RFC 4716"]
  },
  check(model) {
    const seen = /* @__PURE__ */ new Set();
    return rejectedLines(model, "pasted-block").flatMap(({ rejection: { block } }) => {
      if (seen.has(block.firstLine)) return [];
      seen.add(block.firstLine);
      return [
        hitLines(
          model.source.lines,
          block.firstLine,
          block.lastLine,
          `Lines ${block.firstLine}–${block.lastLine} hold ${WHAT[block.kind]}; OpenSSH reads one key per line here and skips all of them.`,
          FIX[block.kind]
        )
      ];
    });
  }
});

// src/rules/key-files/crlf-line-endings.ts
var crlf_line_endings_default = defineKeyFileRule({
  id: "SSH108",
  alias: "crlf-line-endings",
  kinds: KEY_FILE_KINDS,
  category: "hygiene",
  severity: "note",
  docs: {
    summary: "The file has Windows (CRLF) line endings.",
    what: "Lines end in CR LF instead of LF, as files saved by Windows editors or checked out with `core.autocrlf=true` do. Reported once per file, on the first such line.",
    why: "OpenSSH reads the file with `getline()`, which splits on LF only, and tolerates the CR that is left: the base64 decoder skips it, or it becomes the last character of the key comment (sshd, ssh and ssh-keygen 9.2 all accept such files). Other consumers are less forgiving: shell pipelines that compare or cut keys, provisioning templates, and parsers that keep the CR see `AAAA…=\\r` or `comment\\r` and no longer match.",
    bad: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI…GKJl alice@laptop<CR><LF>",
    good: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop",
    references: ["OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file() (getline)", "OpenSSH openbsd-compat/base64.c b64_pton() (skips whitespace)", "tested with OpenSSH 9.2p1 (sshd, ssh known_hosts, ssh-keygen -l)"]
  },
  check(model) {
    const crlf = model.source.lines.filter((line) => line.crlf);
    const first = crlf[0];
    if (!first) return [];
    const more = crlf.length > 1 ? ` (and ${crlf.length - 1} more line${crlf.length > 2 ? "s" : ""})` : "";
    return [
      hitAt(
        first,
        { start: 0, end: first.text.length },
        `This line ends in CRLF${more}. OpenSSH tolerates Windows line endings here, but the CR stays in the file and other tools that read it may not.`,
        "Convert the file to LF line endings (`dos2unix FILE`, or `sed -i 's/\\r$//' FILE`); in git, add `* text eol=lf` for these files to .gitattributes."
      )
    ];
  }
});

// src/rules/key-files/key-dsa.ts
var key_dsa_default = defineKeyFileRule({
  id: "SSH110",
  alias: "key-dsa",
  kinds: KEY_FILE_KINDS,
  category: "weak-crypto",
  severity: "error",
  docs: {
    summary: "A DSA (`ssh-dss`) key or certificate.",
    what: "A key line of type `ssh-dss` or `ssh-dss-cert-v01@openssh.com`: a 1024-bit DSA key, the only size OpenSSH supports. On OpenSSH 9.8 and later the line does not even parse (see unknown-key-type).",
    why: "OpenSSH 7.0 removed ssh-dss from the default PubkeyAcceptedAlgorithms (and from HostKeyAlgorithms), so sshd will not authenticate with such a key and ssh will not accept such a host key unless an administrator puts the algorithm back. 9.8 builds leave DSA out entirely and 10.0 removed it. 1024-bit DSA is also too weak by current standards (ssh-audit fails it, NIST no longer allows DSA signatures): the key should be replaced, not re-enabled.",
    bad: "ssh-dss AAAAB3NzaC1kc3MAAACBAP2novuzlukEYs6xOaWZ/E7xf91o… old-laptop",
    good: `${ED25519_EXAMPLE} new-laptop`,
    references: ["OpenSSH 7.0 release notes (ssh-dss disabled by default)", "OpenSSH 9.8 and 10.0 release notes (DSA off in default builds, then removed)", "ssh-audit ssh2_kexdb.py (ssh-dss: fail)"]
  },
  check(model, context) {
    const version = formatVersion(context.version);
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      if (entry2.key.key.family !== "dss") return [];
      const isCa = entry2.options.some((option) => option.name === "cert-authority") || entry2.knownHosts?.marker?.name === "@cert-authority";
      const what = entry2.key.key.certificate ? "a DSA certificate" : isCa ? "a DSA CA key" : "a DSA key";
      const effect = isCa ? atLeast(context.version, "7.9") ? `OpenSSH ${version} refuses certificates signed with ssh-dss by default (CASignatureAlgorithms), so this CA is useless` : "OpenSSH 7.9 and later refuse certificates signed with ssh-dss by default (CASignatureAlgorithms)" : model.kind === "known_hosts" ? `ssh ${version} does not accept ssh-dss host keys by default (HostKeyAlgorithms, since 7.0), so this entry cannot verify the host` : model.kind === "authorized_keys" ? `sshd ${version} does not accept ssh-dss by default (PubkeyAcceptedAlgorithms, since 7.0), so this key will not log in` : `OpenSSH servers have refused ssh-dss by default since 7.0, so this key will not log in`;
      return [
        hitAt(
          line,
          entry2.key.typeRange,
          `This is ${what}: ${effect}; OpenSSH 9.8 drops DSA from default builds and 10.0 removes it.`,
          model.kind === "known_hosts" ? "Remove the line and record the host's current key (e.g. `ssh-keyscan -t ed25519 HOST`), after checking its fingerprint." : "Replace it with an Ed25519 key (`ssh-keygen -t ed25519`) rather than re-enabling ssh-dss."
        )
      ];
    });
  }
});

// src/rules/key-files/example-keys.ts
var RSA_1024_EXAMPLE = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDAl0KqavM/AvlrGCrIY+2eQ6lNNzMLd+DbbrpkG+t3mpvrlkwwfVxCixYF+pZAv7fZEB8OL0AWDH3tsRe/QXdwK0W2fT1DtyyMiOym+B+o9PQzBxDTu2HMGk92LOp89yrXcgO/nRgTBsIk0G2uzPdkUX9fcCgfjAafr94Brj7ALw==";
var ECDSA_P256_EXAMPLE = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCHYwDe0QBJU8tU7ddLVhXn1mAv4P6/YWWVcSZRs+P0ONCKuwVt2KCw/2XtMdYUKZcjO+FhF5vFSRrv1MVdMGaw=";
var RSA_2048_BLOB = "AAAAB3NzaC1yc2EAAAADAQABAAABAQCMKTk4DcJJpFH7F8Jii3+tbvEtB1gERiXdAguBTzF4AFSxwdrQj32hPXbDQj8XPsrMqgMdugE+vawNNRO/2CzymJ2A+2gp+pYSovJApnw6DIZgdvTaYW4eYyMBXzuwpemITVh2BEnRrYdP7g6zHMbW6p5Dr7S7PYzjeFbrwluF2SgR+NDMoo74poMeYHqCy8ctOhH/VS4xycUYSH6A9uUnG/k+1gqsF0afPpzs6w3EP4uYmIWy+HR0Bx6Xuuq06KxJDuH2Pqm0ejH70Atd7S2kX61lHjc/IzxqaffjxWAUiPXlkNrtGgfIoGZ3paA1+n9PQiDG7+uurHHc21QjZayZ";
var CA_EXAMPLE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDKmWTRHTCpbwMT5pqDTs59gCP8Tt7HyMIc13j9YK7Wp";
var CERT_EXAMPLE = "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIJcN0GDHEgUmPJJ2tZKOyU/GSy9KGItv/VjfLZQv1XoFAAAAIJEEc55w6vf9C9mE0GYMtPIO3qTnMVUeVCmRNdmmD4GmAAAAAAAAAAAAAAABAAAAB3Rlc3QtaWQAAAAJAAAABWFsaWNlAAAAAGd0hYAAAAAA9IUFgAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDKmWTRHTCpbwMT5pqDTs59gCP8Tt7HyMIc13j9YK7WpAAAAUwAAAAtzc2gtZWQyNTUxOQAAAEDTM8c4knvJCXi8Hzuu5WZLJQNRmeN8r1EnaTRY26mMMpKUDHiKfDaUw7hZTetsTdAW3Sm9xae3MrEVmPVyjs0M";

// src/rules/key-files/key-rsa-weak.ts
var key_rsa_weak_default = defineKeyFileRule({
  id: "SSH111",
  alias: "key-rsa-weak",
  kinds: KEY_FILE_KINDS,
  category: "weak-crypto",
  severity: "warning",
  docs: {
    summary: "An RSA key (or RSA certificate) shorter than the policy minimum (2048 bits by default).",
    what: "An `ssh-rsa` key, or a certificate of one, whose modulus has fewer bits than `policy.minRsaBits` (default 2048). Keys under 1024 bits never get here: OpenSSH refuses to load them at all (see invalid-key-data).",
    why: "OpenSSH still accepts RSA keys from 1024 bits (its floor, `RequiredRSASize` since 9.1), so nothing stops working: the risk is the key itself. RSA under 2048 bits no longer gives adequate security (NIST SP 800-131A has disallowed it since 2014); 2048 bits is the usual minimum, and ssh-audit recommends 3072 bits (its hardening guides set `RequiredRSASize 3072`).",
    bad: `${RSA_1024_EXAMPLE} build@ci`,
    good: `${ED25519_EXAMPLE} build@ci`,
    references: ["OpenSSH sshkey.h SSH_RSA_MINIMUM_MODULUS_SIZE (1024)", "sshd_config(5) RequiredRSASize", "NIST SP 800-131A (RSA below 2048 bits disallowed)", "ssh-audit hardening guides (RequiredRSASize 3072)"]
  },
  check(model, context) {
    const minimum = context.policy.minRsaBits;
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const key = entry2.key.key;
      if (key.family !== "rsa" || key.bits >= minimum) return [];
      const what = key.certificate ? `certificate of a ${key.bits}-bit RSA key` : `${key.bits}-bit RSA key`;
      const risk = key.bits < 2048 ? "OpenSSH still accepts it, but RSA keys under 2048 bits no longer give adequate security (NIST has disallowed them since 2014); ssh-audit recommends 3072 bits." : "OpenSSH accepts it; the minimum comes from policy.minRsaBits (ssh-audit recommends 3072 bits).";
      return [
        hitAt(
          line,
          entry2.key.typeRange,
          `This is a ${what}, below the ${minimum}-bit minimum. ${risk}`,
          "Replace it with an Ed25519 key (`ssh-keygen -t ed25519`), or an RSA key of at least 3072 bits (`ssh-keygen -t rsa -b 3072`)."
        )
      ];
    });
  }
});

// src/rules/key-files/key-ecdsa.ts
var key_ecdsa_default = defineKeyFileRule({
  id: "SSH112",
  alias: "key-ecdsa",
  kinds: KEY_FILE_KINDS,
  category: "weak-crypto",
  severity: "note",
  enabledByDefault: false,
  docs: {
    summary: "An ECDSA key on a NIST curve (P-256, P-384, P-521), including FIDO `sk-ecdsa` keys. Off by default: sources disagree.",
    what: "A key line of type `ecdsa-sha2-nistp256`/`nistp384`/`nistp521`, `sk-ecdsa-sha2-nistp256@openssh.com`, or a certificate of one.",
    why: "OpenSSH accepts these keys by default and has no plan to drop them. ssh-audit nevertheless fails the NIST curves (it distrusts how their constants were chosen) and warns that ECDSA signatures depend on a good random nonce per signature. CIS benchmarks, Mozilla's OpenSSH guideline and ComplianceAsCode accept ECDSA. Turn this rule on if your policy follows ssh-audit; Ed25519 avoids both concerns.",
    bad: `${ECDSA_P256_EXAMPLE} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ["ssh-audit ssh2_kexdb.py (ecdsa-sha2-nistp*: fail, NIST P-curves; warn, random nonces)", "Mozilla OpenSSH guideline (ECDSA host keys accepted)", "ComplianceAsCode content, CIS Ubuntu 24.04 controls (ECDSA allowed)"]
  },
  check(model) {
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const key = entry2.key.key;
      if (key.family !== "ecdsa" && key.family !== "ecdsa-sk") return [];
      const curve = key.curve ?? "nistp256";
      const what = key.family === "ecdsa-sk" ? `a FIDO security-key ECDSA key (NIST ${curve})` : `an ECDSA key on the NIST curve ${curve}`;
      return [
        hitAt(
          line,
          entry2.key.typeRange,
          `This is ${key.certificate ? `a certificate of ${what}` : what}. OpenSSH accepts it; ssh-audit fails the NIST curves and warns about ECDSA's random per-signature nonce, while CIS and Mozilla accept them.`,
          key.family === "ecdsa-sk" ? "If the security key supports it, generate an Ed25519 one instead (`ssh-keygen -t ed25519-sk`)." : "Prefer an Ed25519 key (`ssh-keygen -t ed25519`)."
        )
      ];
    });
  }
});

// src/rules/key-files/experimental-key-type.ts
var experimental_key_type_default = defineKeyFileRule({
  id: "SSH113",
  alias: "experimental-key-type",
  kinds: KEY_FILE_KINDS,
  category: "lockout",
  severity: "warning",
  docs: {
    summary: "An experimental key type (`ssh-mldsa44-ed25519@openssh.com`) that OpenSSH does not accept by default.",
    what: "A key line of type `ssh-mldsa44-ed25519@openssh.com` (the hybrid ML-DSA-44 + Ed25519 post-quantum signature OpenSSH 10.4 implemented) or its certificate type. Before 10.4 the line does not even parse (see unknown-key-type).",
    why: 'OpenSSH 10.4 and 10.5 can read these keys but leave the algorithm out of the default PubkeyAcceptedAlgorithms, HostKeyAlgorithms and CASignatureAlgorithms (it was in the 10.5 development defaults and removed "for release"). Unless the server adds it explicitly, the key is refused and its owner cannot log in; a client likewise ignores such a host key.',
    bad: "ssh-mldsa44-ed25519@openssh.com AAAAH3NzaC1tbGRzYTQ0LWVkMjU1MTlAb3BlbnNzaC5jb20AAAVA… alice@laptop",
    good: `${ED25519_EXAMPLE} alice@laptop`,
    references: ["OpenSSH myproposal.h KEX_DEFAULT_PK_ALG (10.4, 10.5)", 'openssh-portable commit d535299b8 "remove ml-dsa/x25519 from the default algorithm list for release"']
  },
  check(model) {
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      if (entry2.key.key.family !== "mldsa44-ed25519") return [];
      const effect = model.kind === "known_hosts" ? "ssh does not use it unless HostKeyAlgorithms adds it, so this entry never verifies the host" : entry2.options.some((option) => option.name === "cert-authority") ? "sshd refuses certificates it signs unless CASignatureAlgorithms adds it" : "sshd refuses it unless PubkeyAcceptedAlgorithms adds it, so this key cannot log in on a default server";
      return [
        hitAt(
          line,
          entry2.key.typeRange,
          `${entry2.key.typeInfo.name} is an experimental post-quantum key type that is not in OpenSSH's default algorithm lists: ${effect}.`,
          "Keep an Ed25519 key next to it for login, or enable the algorithm explicitly (e.g. `PubkeyAcceptedAlgorithms +ssh-mldsa44-ed25519@openssh.com` on OpenSSH 10.4+)."
        )
      ];
    });
  }
});

// src/rules/authorized-keys/certificate-as-key.ts
var certificate_as_key_default = defineKeyFileRule({
  id: "SSH114",
  alias: "certificate-as-key",
  kinds: ["authorized_keys"],
  category: "lockout",
  severity: "warning",
  docs: {
    summary: "A certificate (`*-cert-v01@openssh.com`) listed in authorized_keys, where it never matches.",
    what: "An authorized_keys line whose key is an OpenSSH certificate, typically the contents of an `id_ed25519-cert.pub` pasted in place of the `.pub` key, with or without `cert-authority`.",
    why: "sshd compares a presented plain key with the plain keys of the file, and a presented certificate's CA key with the keys of `cert-authority` lines (`sshkey_equal()`, which also requires identical types). A certificate on a line matches neither, so the line is dead: whoever expected it to grant access is locked out. sshd gives no message (tested with OpenSSH 9.2p1, with and without `cert-authority`).",
    bad: `${CERT_EXAMPLE} alice@laptop`,
    good: `cert-authority,principals="alice" ${CA_EXAMPLE} users-ca`,
    references: ["OpenSSH auth2-pubkeyfile.c auth_check_authkey_line()", "OpenSSH sshkey.c sshkey_equal()", "sshd(8) AUTHORIZED_KEYS FILE FORMAT, cert-authority", "tested with OpenSSH 9.2p1"]
  },
  check(model) {
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      if (!entry2.key.key.certificate) return [];
      const withCa = entry2.options.some((option) => option.name === "cert-authority");
      const message = withCa ? "This line trusts a certificate as a CA, but cert-authority needs the CA's own public key: sshd never matches a certificate here, so this line grants no access." : "This line holds a certificate, not a public key: sshd never matches a certificate listed as a key, so this line grants no access.";
      return [
        hitAt(
          line,
          entry2.key.typeRange,
          message,
          "To trust certificates, add the CA's public key with `cert-authority` (and `principals=`); to allow this one key, list its plain public key (the `.pub` without `-cert`)."
        )
      ];
    });
  }
});

// src/rules/key-files/duplicate-key.ts
var has = (entry2, name) => entry2.options.some((option) => option.name === name);
function optionsText(line, entry2) {
  return entry2.optionsRange ? line.text.slice(entry2.optionsRange.start, entry2.optionsRange.end) : "";
}
function hides(first, later) {
  if (optionsText(first.line, first.entry) === optionsText(later.line, later.entry)) return true;
  const e = first.entry;
  if (has(e, "from") || has(e, "expiry-time") || has(e, "principals")) return false;
  if (has(e, "cert-authority")) {
    if (has(e, "command") || has(later.entry, "principals")) return false;
  }
  return true;
}
function keySpan(entry2) {
  return { start: entry2.key.typeRange.start, end: entry2.key.base64Range.end };
}
var duplicate_key_default = defineKeyFileRule({
  id: "SSH115",
  alias: "duplicate-key",
  kinds: ["authorized_keys", "known_hosts"],
  category: "hygiene",
  severity: "warning",
  docs: {
    summary: "The same key appears twice, and the later line can never take effect.",
    what: 'In authorized_keys: a key (compared by fingerprint) that an earlier line already authorizes in a way that always wins, either with the same options or with options that cannot refuse a login (no `from=`, `expiry-time=` or `principals=`). Deliberate fallbacks are not reported: `from="10.0.0.0/8" KEY` followed by `command="backup" KEY` gives different rights by source address. In known_hosts: the same key listed twice for the same marker and host list.',
    why: "sshd reads authorized_keys top to bottom and stops at the first line whose key matches and whose options accept the login (tested with OpenSSH 9.2p1: a `from=` mismatch on the first line falls through to the next). When the first line always accepts, the options written on the later line, often the stricter ones someone added later, never apply. In known_hosts a repeated entry is harmless but hides which entry is current when the key is rotated.",
    bad: `${ED25519_EXAMPLE} deploy@ci
restrict,command="/usr/local/bin/deploy" ${ED25519_EXAMPLE} deploy@ci`,
    good: `restrict,command="/usr/local/bin/deploy" ${ED25519_EXAMPLE} deploy@ci`,
    references: ["OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file(), auth_check_authkey_line()", "OpenSSH hostfile.c hostkeys_foreach_file()", "tested with OpenSSH 9.2p1"]
  },
  check(model) {
    const hits = [];
    const seen = /* @__PURE__ */ new Map();
    for (const current of parsedEntries(model)) {
      const { line, entry: entry2 } = current;
      const key = entry2.key.key;
      if (model.kind === "authorized_keys" && key.certificate) continue;
      const identity2 = model.kind === "known_hosts" ? [entry2.knownHosts?.marker?.name ?? "", entry2.knownHosts?.hosts.text ?? "", key.certificate ? entry2.key.base64 : key.fingerprint].join("\0") : [has(entry2, "cert-authority") ? "ca" : "key", key.fingerprint].join("\0");
      const earlier = seen.get(identity2) ?? [];
      const first = model.kind === "known_hosts" ? earlier[0] : earlier.find((e) => hides(e, current));
      if (first) {
        const sameOptions = optionsText(first.line, first.entry) === optionsText(line, entry2);
        const message = model.kind === "known_hosts" ? `Line ${first.line.number} already lists this key for the same hosts${entry2.knownHosts?.marker ? ` with ${entry2.knownHosts.marker.name}` : ""}; this line is redundant.` : sameOptions ? `This line repeats line ${first.line.number} (same ${has(entry2, "cert-authority") ? "CA key" : "key"}, same options): sshd stops at line ${first.line.number} and never uses this one.` : `Line ${first.line.number} already authorizes this ${has(entry2, "cert-authority") ? "CA key" : "key"} with options that always accept it, and sshd stops at the first match: the options on this line are never used.`;
        const help = model.kind === "known_hosts" ? "Delete the repeated line." : sameOptions ? "Delete the repeated line." : `Keep one line for this key, with the options you want (or move this line above line ${first.line.number} if it is a deliberate, narrower rule).`;
        const hit = hitAt(line, keySpan(entry2), message, help);
        const span = keySpan(first.entry);
        hit.related = [
          {
            file: model.source.path,
            line: first.line.number,
            column: span.start + 1,
            endColumn: span.end + 1,
            message: "The same key first appears here."
          }
        ];
        hits.push(hit);
      }
      seen.set(identity2, [...earlier, current]);
    }
    return hits;
  }
});

// src/rules/authorized-keys/no-usable-keys.ts
var no_usable_keys_default = defineKeyFileRule({
  id: "SSH116",
  alias: "no-usable-keys",
  kinds: ["authorized_keys"],
  category: "lockout",
  severity: "warning",
  docs: {
    summary: "The authorized_keys file contains no key that OpenSSH can read.",
    what: "The file is empty, holds only comments and blank lines, or every key line in it is one sshd skips (each of those is reported by its own rule). Reported once, on line 1.",
    why: "sshd finds no key in the file, so nobody can log in with a key through it. When this file is what provisioning deploys for an account, that account is locked out of public-key login.",
    bad: "# deploy keys go here",
    good: `# deploy keys
${ED25519_EXAMPLE} deploy@ci`,
    references: ["OpenSSH auth2-pubkeyfile.c auth_check_authkeys_file()", "sshd(8) AUTHORIZED_KEYS FILE FORMAT"]
  },
  check(model) {
    if (parsedEntries(model).length > 0) return [];
    const keyLines = model.lines.filter((l) => l.status === "rejected").length;
    const message = keyLines > 0 ? `sshd skips ${keyLines === 1 ? "the only non-comment line" : `all ${keyLines} non-comment lines`} of this file, so no key in it authorizes a login.` : "This file contains no key at all (only blank lines or comments), so no key in it authorizes a login.";
    const help = keyLines > 0 ? "Fix the lines reported in this file, or add a valid public key line (`ssh-keygen -y -f KEY` prints it)." : "Add the public key of each person or system that should log in (the one-line contents of their `.pub` file).";
    const first = model.source.lines[0];
    if (!first) return [{ line: 1, column: 1, endColumn: 1, message, help }];
    return [hitAt(first, { start: 0, end: first.text.length }, message, help)];
  }
});

// src/rules/key-files/nonstandard-key-label.ts
var nonstandard_key_label_default = defineKeyFileRule({
  id: "SSH117",
  alias: "nonstandard-key-label",
  kinds: KEY_FILE_KINDS,
  category: "hygiene",
  severity: "note",
  docs: {
    summary: "The key is labelled with a signature algorithm name (`rsa-sha2-512`, `rsa-sha2-256`, …) instead of its key type.",
    what: "A key line that starts with `rsa-sha2-256`, `rsa-sha2-512`, their `-cert-v01@openssh.com` forms, or `webauthn-sk-ecdsa-sha2-nistp256@openssh.com`. These name the algorithm a signature is made with; the key type is `ssh-rsa` (or `sk-ecdsa-sha2-nistp256@openssh.com`). The label usually comes from copying a server's algorithm list or a tool that printed the negotiated algorithm.",
    why: "OpenSSH reads the label as the key type it belongs to (`peek_type_nid()` in sshkey.c), so the key works: sshd 9.2 accepts `rsa-sha2-512 AAAAB3NzaC1yc2E…` for login and ssh-keygen lists it. Other tools are stricter: sshpk (Node.js) rejects the line as an unknown algorithm and paramiko's certificate loader requires the label to equal the type inside the key. ssh-keygen and every other writer use the key type.",
    bad: `rsa-sha2-512 ${RSA_2048_BLOB} build@ci`,
    good: `ssh-rsa ${RSA_2048_BLOB} build@ci`,
    references: ["OpenSSH sshkey.c peek_type_nid(), sshkey_read()", "RFC 8332 (rsa-sha2-256/512 are signature algorithms for ssh-rsa keys)", "sshpk lib/formats/rfc4253.js algToKeyType()", "tested with OpenSSH 9.2p1 (sshd login, ssh-keygen -l)"]
  },
  check(model) {
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const alias = signatureAlgorithmByName(entry2.key.typeName);
      if (!alias) return [];
      return [
        hitAt(
          line,
          entry2.key.typeRange,
          `${quote(entry2.key.typeName)} names a signature algorithm, not a key type. OpenSSH reads it as ${alias.keyType}, but other tools that parse this file may reject the line.`,
          `Label the key with its type: \`${alias.keyType}\`.`
        )
      ];
    });
  }
});

// src/rules/authorized-keys/principals-without-cert-authority.ts
var principals_without_cert_authority_default = defineKeyFileRule({
  id: "SSH140",
  alias: "principals-without-cert-authority",
  kinds: ["authorized_keys"],
  category: "lockout",
  severity: "error",
  docs: {
    summary: "`principals=` on a key line without `cert-authority`: sshd refuses the key.",
    what: 'A `principals="…"` option on a line that is not marked `cert-authority`. The option only means something for a CA key: it lists the certificate principals accepted from that CA.',
    why: 'sshd.8 says the option "is ignored for keys that are not marked as trusted certificate signers", but since OpenSSH 7.7 the code does the opposite: `auth_authorise_keyopts()` (auth.c in 7.7–9.0, auth2-pubkeyfile.c since 9.1) logs "principals on non-CA key" at debug level and denies access. At the default log level sshd only logs "Refused by key options", without the reason (tested with OpenSSH 9.2p1).',
    bad: `principals="alice" ${ED25519_EXAMPLE} alice@laptop`,
    good: `${ED25519_EXAMPLE} alice@laptop
cert-authority,principals="alice" ${CA_EXAMPLE} users-ca`,
    references: ['OpenSSH auth2-pubkeyfile.c auth_authorise_keyopts() ("principals on non-CA key", deny access)', "sshd(8) AUTHORIZED_KEYS FILE FORMAT, principals", "tested with OpenSSH 9.2p1"]
  },
  check(model, context) {
    if (!atLeast(context.version, "7.7")) return [];
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      if (entry2.options.some((option) => option.name === "cert-authority")) return [];
      const principals = entry2.options.find((option) => option.name === "principals");
      if (!principals) return [];
      return [
        hitAt(
          line,
          principals.range,
          'principals= is only valid with cert-authority: on a plain key sshd denies the login ("principals on non-CA key"), although sshd(8) says the option is ignored.',
          "Remove principals= to allow this key, or add cert-authority if the line holds a CA key."
        )
      ];
    });
  }
});

// src/rules/authorized-keys/key-expired.ts
var LATEST_ZONE_SECONDS = 12 * 3600;
function isUtc(value) {
  return value.length > 1 && /z$/i.test(value) || value.length > 3 && /utc$/i.test(value);
}
function formatTime(seconds, digits) {
  const iso = new Date(seconds * 1e3).toISOString();
  return digits <= 8 ? iso.slice(0, 10) : iso.slice(0, digits >= 14 ? 19 : 16).replace("T", " ");
}
var key_expired_default = defineKeyFileRule({
  id: "SSH141",
  alias: "key-expired",
  kinds: ["authorized_keys"],
  category: "lockout",
  severity: "warning",
  docs: {
    summary: "The key's `expiry-time=` is in the past: sshd refuses it.",
    what: "An `expiry-time=\"…\"` option whose time has passed (with several, the earliest counts, as in sshd). A time without `Z`/`UTC` is the server's local time; sshlint does not know the server's zone, so it only reports such a time once it is past in every time zone.",
    why: 'sshd still reads the line, finds the key, and then denies the login in `auth_authorise_keyopts()` ("entry expired at …" at debug level, "Refused by key options" in the log). That is the point of the option, but an expired line left in a deployed file usually means someone is about to be locked out, or access was meant to be renewed.',
    bad: `expiry-time="20250101Z" ${ED25519_EXAMPLE} contractor@laptop`,
    good: `expiry-time="20271231Z" ${ED25519_EXAMPLE} contractor@laptop`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT, expiry-time", "OpenSSH auth2-pubkeyfile.c auth_authorise_keyopts()", "OpenSSH misc.c parse_absolute_time()", "tested with OpenSSH 9.2p1"]
  },
  check(model, context) {
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      let earliest;
      for (const option of entry2.options) {
        if (option.name !== "expiry-time" || option.value === void 0) continue;
        const seconds = parseExpiryTime(option.value);
        if (seconds === void 0) continue;
        const latest = isUtc(option.value) ? seconds : seconds + LATEST_ZONE_SECONDS;
        if (!earliest || latest < earliest.latest) earliest = { option, value: option.value, latest, seconds };
      }
      if (!earliest || earliest.latest >= context.now) continue;
      const digits = earliest.value.replace(/(z|utc)$/i, "").length;
      const days = Math.floor((context.now - earliest.latest) / 86400);
      const ago = days >= 1 ? ` (${days} day${days === 1 ? "" : "s"} ago)` : "";
      const when = isUtc(earliest.value) ? `on ${formatTime(earliest.seconds, digits)} UTC${ago}` : `around ${formatTime(earliest.seconds, digits)} server time${ago}`;
      hits.push(
        hitAt(
          line,
          earliest.option.range,
          `This key expired ${when}: sshd still finds it but refuses the login ("entry expired").`,
          'Remove the line if access should end, or set a new expiry-time (e.g. expiry-time="20271231Z") if it should continue.'
        )
      );
    }
    return hits;
  }
});

// src/rules/authorized-keys/invalid-from-pattern.ts
function valueOffsets(text, option) {
  const offsets = [];
  if (!option.valueRange) return offsets;
  let i = option.valueRange.start + 1;
  const end = option.valueRange.end - 1;
  while (i < end) {
    if (text[i] === "\\" && text[i + 1] === '"') i++;
    offsets.push(i);
    i++;
  }
  offsets.push(end);
  return offsets;
}
function problemRange(problem2, offsets, option, valueLength) {
  const at2 = (i) => offsets[i] ?? option.range.end;
  const { start, end } = problem2.entry;
  if (problem2.code !== "empty" || end > start) return { start: at2(start), end: at2(end - 1) + 1 };
  if (valueLength === 0) return option.range;
  if (end < valueLength) return { start: at2(end), end: at2(end) + 1 };
  return { start: at2(start - 1), end: at2(start - 1) + 1 };
}
function describe(problem2, shown) {
  const refused = 'sshd treats the whole from= list as invalid and refuses this key from every address ("invalid from criteria")';
  switch (problem2.code) {
    case "empty":
      return {
        message: `from= has an empty entry (an extra, leading or trailing comma): ${refused}.`,
        help: "Remove the extra comma."
      };
    case "mask-too-long":
      return {
        message: `The mask in ${shown} is longer than ${problem2.family === 4 ? 32 : 128} bits: ${refused}.`,
        help: `Use a prefix length of at most ${problem2.family === 4 ? 32 : 128}.`
      };
    case "host-bits":
      return {
        message: `${shown} has host bits set beyond the /${problem2.maskLength} mask (the network is ${problem2.network}/${problem2.maskLength}): ${refused}.`,
        help: `Write the network address, ${problem2.network}/${problem2.maskLength}, or drop the mask to allow the single address ${problem2.host}.`
      };
    case "blank":
      return {
        message: problem2.entry.negated ? `${shown} contains a blank, so it can never match an address or host name: it excludes nothing.` : `${shown} contains a blank, so it can never match an address or host name: sshd does not allow what it names.`,
        help: "Remove the blanks: entries in from= are separated by commas only."
      };
  }
}
var invalid_from_pattern_default = defineKeyFileRule({
  id: "SSH142",
  alias: "invalid-from-pattern",
  kinds: ["authorized_keys"],
  category: "lockout",
  severity: "error",
  docs: {
    summary: "A `from=` entry that sshd cannot use: an empty entry, a CIDR with host bits set or an over-long mask (the key is refused from everywhere), or a blank inside an entry.",
    what: 'sshd splits `from="…"` at commas and reads each entry as an address or CIDR network (`addr_pton_cidr()`), else as a host name pattern. An empty entry (`a,,b`, a trailing comma, a lone `!`), an address whose bits outside the mask are not zero (`10.0.0.1/8`, `192.168.1.1/24`, `1.2.3.4/0`), or a mask longer than the address (`/33` on IPv4; from OpenSSH 9.8 also `/129`) is an error. An entry with a blank in it (`from="10.0.0.1, 10.0.0.2"`) is not an error, but it can never match anything. Addresses are read as glibc does, so `127.1/8` is 127.0.0.1/8.',
    why: 'An invalid entry makes `match_host_and_ip()` return -1, and `auth_authorise_keyopts()` then denies the key from every address, even one that an earlier entry matches (tested with OpenSSH 9.2p1: "invalid from criteria" at debug level, "not from a permitted host" in the log). A blank-containing entry silently fails to allow the address it names.',
    bad: `from="10.0.0.1/8,192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    good: `from="10.0.0.0/8,192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    references: [
      "OpenSSH match.c match_host_and_ip()",
      "OpenSSH addrmatch.c addr_match_list(), addr.c addr_pton_cidr()",
      'OpenSSH auth2-pubkeyfile.c auth_authorise_keyopts() ("invalid from criteria")',
      "sshd(8) AUTHORIZED_KEYS FILE FORMAT, from",
      "tested with OpenSSH 9.2p1"
    ]
  },
  check(model, context) {
    const version = formatVersion(context.version);
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const from = entry2.options.find((option) => option.name === "from");
      if (!from || from.value === void 0) continue;
      const offsets = valueOffsets(line.text, from);
      for (const problem2 of checkAddressPatternList(from.value, version)) {
        const raw = from.value.slice(problem2.entry.start, problem2.entry.end);
        const { message, help } = describe(problem2, quote(raw));
        hits.push(hitAt(line, problemRange(problem2, offsets, from, from.value.length), message, help));
      }
    }
    return hits;
  }
});

// src/rules/authorized-keys/unrestricted-forced-command.ts
var unrestricted_forced_command_default = defineKeyFileRule({
  id: "SSH143",
  alias: "unrestricted-forced-command",
  kinds: ["authorized_keys"],
  category: "unsafe-setting",
  severity: "warning",
  docs: {
    summary: "A `command=` key that still allows port forwarding (no `restrict`, no `no-port-forwarding`).",
    what: 'A key line with a forced `command="…"` that neither starts from `restrict` nor says anything about port forwarding (`no-port-forwarding`, `port-forwarding`, `permitopen=`, `permitlisten=`). Lines that mention port forwarding explicitly are taken as deliberate; so are `restrict` lines that re-enable something, such as `restrict,pty,command="…"`. Agent and X11 forwarding are named in the message when they are also left on, but do not trigger the rule on their own: they expose the connecting client, not the server.',
    why: 'A forced command only replaces the shell, exec or subsystem request. Port forwarding needs no session at all: `ssh -N -L 8080:intranet:80 host` with a "backup only" key opens a tunnel into the server\'s network and the forced command never runs (tested with OpenSSH 9.2p1). sshd(8) warns that "the client may specify TCP and/or X11 forwarding unless they are explicitly prohibited, e.g. using the restrict key option". A server-wide `AllowTcpForwarding no` also prevents it, but that is outside this file.',
    bad: `command="/usr/local/bin/backup" ${ED25519_EXAMPLE} backup@nas`,
    good: `restrict,command="/usr/local/bin/backup" ${ED25519_EXAMPLE} backup@nas`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT, command and restrict", "OpenSSH auth-options.c sshauthopt_parse()", "tested with OpenSSH 9.2p1 (ssh -N -L through a command= key)"]
  },
  check(model) {
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const command = entry2.options.find((option) => option.name === "command");
      if (!command) return [];
      const names = new Set(entry2.options.map((option) => option.name));
      if (names.has("restrict")) return [];
      if (["port-forwarding", "permitopen", "permitlisten"].some((name) => names.has(name))) return [];
      const alsoOn = [names.has("agent-forwarding") ? void 0 : "agent", names.has("x11-forwarding") ? void 0 : "X11"].filter((x) => x !== void 0);
      const also = alsoOn.length > 0 ? ` (${alsoOn.join(" and ")} forwarding ${alsoOn.length > 1 ? "are" : "is"} also left on)` : "";
      const ca = entry2.options.some((option) => option.name === "cert-authority") ? ", unless the certificates themselves lack permit-port-forwarding" : "";
      return [
        hitAt(
          line,
          command.range,
          `This key is limited to a forced command, but port forwarding is still allowed${also}: with \`ssh -N -L\` or \`-R\` its holder can open tunnels through this server without ever running the command${ca}.`,
          'Add `restrict` in front of the options (`restrict,command="…"`), or at least `no-port-forwarding,no-agent-forwarding,no-X11-forwarding`.'
        )
      ];
    });
  }
});

// src/rules/authorized-keys/environment-option-ignored.ts
var environment_option_ignored_default = defineKeyFileRule({
  id: "SSH144",
  alias: "environment-option-ignored",
  kinds: ["authorized_keys"],
  category: "hygiene",
  severity: "note",
  docs: {
    summary: "`environment=` only works when sshd has `PermitUserEnvironment` enabled, which is off by default.",
    what: 'A key line with one or more `environment="NAME=value"` options.',
    why: "sshd parses the option but only applies it when sshd_config sets `PermitUserEnvironment yes` (or, since 7.8, a pattern list that matches the name). The default is `no`, and hardening guides keep it that way, because user-controlled variables such as `LD_PRELOAD` can subvert the login. With the default the variable is silently not set; the login itself still works (tested with OpenSSH 9.2p1). Anything that relies on it, such as a forced command reading its configuration from the environment, misbehaves.",
    bad: `environment="DEPLOY_ENV=prod" ${ED25519_EXAMPLE} deploy@ci`,
    good: `command="/usr/local/bin/deploy prod" ${ED25519_EXAMPLE} deploy@ci`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT, environment", "sshd_config(5) PermitUserEnvironment", "tested with OpenSSH 9.2p1"]
  },
  check(model) {
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const environment = entry2.options.filter((option) => option.name === "environment");
      const first = environment[0];
      if (!first) return [];
      const what = environment.length === 1 ? "This environment= option is" : `These ${environment.length} environment= options are`;
      return [
        hitAt(
          line,
          first.range,
          `${what} ignored unless sshd_config enables PermitUserEnvironment (default no); the login works, but without the variable${environment.length === 1 ? "" : "s"}.`,
          "Pass the value another way (e.g. as an argument in command=, or via AcceptEnv/SetEnv in the server config), or make sure PermitUserEnvironment allows this name on the server."
        )
      ];
    });
  }
});

// src/rules/authorized-keys/sk-option-on-non-sk-key.ts
var SK_OPTIONS = /* @__PURE__ */ new Set(["touch-required", "verify-required"]);
var SK_EXAMPLE = "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAAAIJEEc55w6vf9C9mE0GYMtPIO3qTnMVUeVCmRNdmmD4GmAAAABHNzaDo=";
var sk_option_on_non_sk_key_default = defineKeyFileRule({
  id: "SSH145",
  alias: "sk-option-on-non-sk-key",
  kinds: ["authorized_keys"],
  category: "hygiene",
  severity: "note",
  docs: {
    summary: "`no-touch-required` or `verify-required` on a key that is not a FIDO security key: no effect.",
    what: "A `[no-]touch-required` or `[no-]verify-required` option on a plain key whose type is not `sk-ssh-ed25519@openssh.com` or `sk-ecdsa-sha2-nistp256@openssh.com`. `cert-authority` lines are not reported: there the option applies to the certificates the CA signs, which may be security-key certificates (sshd(8) shows `cert-authority,no-touch-required` in its example).",
    why: "sshd accepts these options on any key, but only signatures from FIDO authenticators carry the user-presence and user-verification flags they test. On an ordinary key they do nothing (tested with OpenSSH 9.2p1): `verify-required` does not add a PIN check, which is probably what its author expected.",
    bad: `verify-required ${ED25519_EXAMPLE} alice@laptop`,
    good: `verify-required ${SK_EXAMPLE} alice@yubikey`,
    references: ['sshd(8) AUTHORIZED_KEYS FILE FORMAT, no-touch-required and verify-required ("only makes sense for the FIDO authenticator algorithms")', "OpenSSH auth2-pubkey.c user presence / verification checks", "tested with OpenSSH 9.2p1"]
  },
  check(model) {
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const family = entry2.key.key.family;
      if (family === "ecdsa-sk" || family === "ed25519-sk") continue;
      if (entry2.options.some((option) => option.name === "cert-authority")) continue;
      for (const option of entry2.options) {
        if (!SK_OPTIONS.has(option.name)) continue;
        const text = line.text.slice(option.range.start, option.range.end);
        hits.push(
          hitAt(
            line,
            option.range,
            `${text} only affects FIDO security keys (sk-…); on this ${entry2.key.typeInfo.name} key sshd accepts it and ignores it${option.name === "verify-required" && !option.negated ? ", so no PIN or biometric check is added" : ""}.`,
            "Remove the option, or use a security-key key (`ssh-keygen -t ed25519-sk`, with `-O verify-required` for a PIN) if that is what it was meant for."
          )
        );
      }
    }
    return hits;
  }
});

// src/rules/authorized-keys/cert-authority-without-principals.ts
var cert_authority_without_principals_default = defineKeyFileRule({
  id: "SSH146",
  alias: "cert-authority-without-principals",
  kinds: ["authorized_keys"],
  category: "unsafe-setting",
  severity: "note",
  enabledByDefault: false,
  docs: {
    summary: "A `cert-authority` line without `principals=`: any certificate from that CA naming the account is accepted.",
    what: 'A `cert-authority` key line with no `principals="…"` option.',
    why: "Without `principals=`, sshd accepts any user certificate signed by this CA whose principal list contains the login name (`sshkey_cert_check_authority()` against the user name). Up to OpenSSH 10.2 it also accepts a certificate with an empty principal list, for every account: a CA that signs one by mistake (CVE-2024-7594 was such a CA product) opens all accounts that trust it this way (tested with OpenSSH 9.2p1; 10.3 refuses such certificates). Whoever controls the CA, or can get it to sign a certificate with the right name, can log in. That is often intended (it is how user CAs work), so the rule is off by default; `principals=` narrows the trust to named identities.",
    bad: `cert-authority ${CA_EXAMPLE} users-ca`,
    good: `cert-authority,principals="alice,deploy" ${CA_EXAMPLE} users-ca`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT, cert-authority and principals", "OpenSSH auth2-pubkeyfile.c auth_check_authkey_line(), sshkey.c sshkey_cert_check_authority()", "openssh-portable commit 5166b6cbf (10.3: certificates must list principals)", "OpenSSH PROTOCOL.certkeys", "tested with OpenSSH 9.2p1"]
  },
  check(model, context) {
    const emptyListAccepted = !atLeast(context.version, "10.3");
    return parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const ca = entry2.options.find((option) => option.name === "cert-authority");
      if (!ca || entry2.key.key.certificate) return [];
      if (entry2.options.some((option) => option.name === "principals")) return [];
      return [
        hitAt(
          line,
          ca.range,
          emptyListAccepted ? "This CA is trusted without principals=: sshd accepts any certificate it signed whose principals include the login name, and (before OpenSSH 10.3) any it signed with no principals at all." : "This CA is trusted without principals=: sshd accepts any certificate it signed whose principals include the login name.",
          'Add principals="…" listing the certificate principals allowed to log in to this account.'
        )
      ];
    });
  }
});

// src/rules/authorized-keys/option-errors.ts
function optionErrorHits(model, codes, help) {
  return rejectedLines(model, "option").flatMap(({ line, rejection: { error } }) => {
    if (!codes.includes(error.code)) return [];
    const text = line.text.slice(error.range.start, error.range.end);
    return [
      hitAt(line, error.range, `sshd rejects the options at ${quote(text)} ("bad key options: ${error.sshdMessage}") and skips this key.`, help(error.code, error.option))
    ];
  });
}

// src/rules/authorized-keys/unknown-option.ts
var unknown_option_default = defineKeyFileRule({
  id: "SSH130",
  alias: "unknown-key-option",
  kinds: ["authorized_keys"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "An authorized_keys option sshd does not know, or a stray character between options.",
    what: `An option name that is not one of ${KNOWN_OPTION_NAMES.length} names sshd accepts (${KNOWN_OPTION_NAMES.join(", ")}), a misspelling such as \`no-port-fowarding\`, a flag given a value (\`restrict=yes\`), or an option list that ends in a comma with nothing after it.`,
    why: 'sshd fails the whole options field ("bad key options: unknown key option") and skips the key, logging only at debug level: the key silently stops working.',
    bad: `no-port-fowarding,no-pty ${ED25519_EXAMPLE} deploy@ci`,
    good: `no-port-forwarding,no-pty ${ED25519_EXAMPLE} deploy@ci`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT", "OpenSSH auth-options.c sshauthopt_parse()"]
  },
  check(model) {
    return optionErrorHits(model, ["unknown-option", "end-of-options", "too-many"], () => "Use only the options listed in sshd(8), spelt exactly, separated by commas with no spaces.");
  }
});

// src/rules/authorized-keys/space-in-options.ts
var space_in_options_default = defineKeyFileRule({
  id: "SSH131",
  alias: "space-in-options",
  kinds: ["authorized_keys", "public_key"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A space after a comma between authorized_keys options.",
    what: "Options are separated by commas with no blanks: `no-pty,no-agent-forwarding`. A space after a comma (outside double quotes) ends the options field there.",
    why: "sshd then reads the next option name as the key type, fails, and skips the line silently. The key owner is locked out by a single space.",
    bad: `no-pty, no-agent-forwarding ${ED25519_EXAMPLE} deploy@ci`,
    good: `no-pty,no-agent-forwarding ${ED25519_EXAMPLE} deploy@ci`,
    references: ['sshd(8): "The options (if present) consist of comma-separated option specifications. No spaces are permitted, except within double quotes."', "OpenSSH authfile.c sshkey_advance_past_options()"]
  },
  check(model) {
    return rejectedLines(model, "space-in-options").map(
      ({ line, rejection }) => hitAt(line, rejection.spaces[0], "A blank after a comma ends the options field: sshd reads the next option as the key type and skips this line.", "Remove the blanks after the commas between options.")
    );
  }
});

// src/rules/authorized-keys/option-quoting.ts
var option_quoting_default = defineKeyFileRule({
  id: "SSH132",
  alias: "key-option-quoting",
  kinds: ["authorized_keys", "public_key"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A valued option without double quotes, or with an unterminated quote.",
    what: 'Valued options (`command`, `from`, `environment`, `expiry-time`, `principals`, `permitopen`, `permitlisten`, `tunnel`) must be written `name="value"`. Single quotes, no quotes, or a missing closing quote do not work; inside the quotes only `\\"` is an escape.',
    why: 'sshd fails with "missing start quote", "missing end quote" or "invalid key option string" and skips the key silently.',
    bad: `command=/usr/local/bin/backup ${ED25519_EXAMPLE} backup@ci`,
    good: `command="/usr/local/bin/backup" ${ED25519_EXAMPLE} backup@ci`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT", "OpenSSH misc.c opt_dequote()", "OpenSSH authfile.c sshkey_advance_past_options()"]
  },
  check(model) {
    const unterminated = rejectedLines(model, "unterminated-quote").map(
      ({ line, rejection }) => hitAt(line, rejection.range, 'A double quote in the options is never closed; sshd rejects the line ("invalid key option string").', 'Close the quote, and write a literal double quote inside a value as \\".')
    );
    const dequote2 = optionErrorHits(model, ["missing-start-quote", "missing-end-quote"], (_code, option) => `Write the value in double quotes: ${option ?? "name"}="…".`);
    return [...unterminated, ...dequote2].sort((a, b) => a.line - b.line);
  }
});

// src/rules/authorized-keys/duplicate-option.ts
var duplicate_option_default = defineKeyFileRule({
  id: "SSH133",
  alias: "duplicate-key-option",
  kinds: ["authorized_keys"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "`command=`, `from=` or `principals=` given twice on one key.",
    what: "These three options may appear only once per key. Several `from=` patterns go into one comma-separated list; `environment=`, `permitopen=` and `permitlisten=` are the options that may repeat.",
    why: 'sshd fails with `multiple "from" clauses` (or command/principals) and skips the key silently.',
    bad: `from="10.0.0.0/8",from="192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    good: `from="10.0.0.0/8,192.0.2.7" ${ED25519_EXAMPLE} deploy@ci`,
    references: ["OpenSSH auth-options.c sshauthopt_parse()"]
  },
  check(model) {
    return optionErrorHits(model, ["multiple-clauses"], (_code, option) => `Give ${option ?? "the option"}= once; put several patterns in one comma-separated list.`);
  }
});

// src/rules/authorized-keys/invalid-option-value.ts
var HELP = {
  "invalid-expiry-time": 'Write expiry-time as YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally ending in Z for UTC: expiry-time="20271231Z".',
  "invalid-environment": 'Write environment="NAME=value", NAME made of letters, digits and underscores.',
  "invalid-permit": 'Write permitopen="host:port" (port 1–65535 or *); IPv6 addresses in brackets: "[2001:db8::1]:22".',
  "invalid-tunnel": 'Write tunnel="N" with a tun device number, or "any".'
};
var invalid_option_value_default = defineKeyFileRule({
  id: "SSH134",
  alias: "invalid-key-option-value",
  kinds: ["authorized_keys"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "An option value sshd cannot parse: expiry-time, environment, permitopen/permitlisten, tunnel.",
    what: "`expiry-time` not in YYYYMMDD[HHMM[SS]][Z] form (e.g. `2027-12-31`), `environment` without `NAME=` or with an invalid name, `permitopen`/`permitlisten` without a valid port, `tunnel` that is not a number or `any`.",
    why: 'sshd fails the options ("invalid expires time", "invalid environment string", "invalid permission port", "invalid tun device") and skips the key silently.',
    bad: `expiry-time="2027-12-31" ${ED25519_EXAMPLE} contractor@laptop`,
    good: `expiry-time="20271231Z" ${ED25519_EXAMPLE} contractor@laptop`,
    references: ["sshd(8) AUTHORIZED_KEYS FILE FORMAT", "OpenSSH auth-options.c sshauthopt_parse(), handle_permit()", "OpenSSH misc.c parse_absolute_time()"]
  },
  check(model) {
    return optionErrorHits(model, ["invalid-expiry-time", "invalid-environment", "invalid-permit", "invalid-tunnel"], (code3) => HELP[code3] ?? "Fix the option value.");
  }
});

// src/rules/known-hosts/invalid-marker.ts
var invalid_marker_default = defineKeyFileRule({
  id: "SSH200",
  alias: "known-hosts-invalid-marker",
  kinds: ["known_hosts"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A known_hosts marker other than `@cert-authority` or `@revoked`, or more than one.",
    what: "A line starting with `@` must carry exactly one of the two case-sensitive markers, followed by a space. `@CA`, `@cert-authority,@revoked`, two markers, or a marker followed only by a tab (when the line has a space later) are invalid.",
    why: "ssh treats the whole line as invalid and skips it: a CA it was meant to trust is not trusted (host key verification fails), a key it was meant to revoke is not revoked.",
    bad: `@certificate-authority *.example.com ${ED25519_EXAMPLE}`,
    good: `@cert-authority *.example.com ${ED25519_EXAMPLE}`,
    references: ["sshd(8) SSH_KNOWN_HOSTS FILE FORMAT", "OpenSSH hostfile.c check_markers()"]
  },
  check(model) {
    return rejectedLines(model, "invalid-marker").map(
      ({ line, rejection }) => hitAt(line, rejection.range, `${quote(line.text.slice(rejection.range.start, rejection.range.end))} is not a valid marker; ssh skips this line.`, "Use exactly one of @cert-authority or @revoked, followed by a space.")
    );
  }
});

// src/rules/known-hosts/bad-hash.ts
var bad_hash_default = defineKeyFileRule({
  id: "SSH201",
  alias: "known-hosts-bad-hash",
  kinds: ["known_hosts"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A hashed host name (`|1|salt|hash`) whose salt is not 20 bytes of base64.",
    what: "Hashed known_hosts entries (HashKnownHosts yes) have the form `|1|<base64 20-byte salt>|<base64 HMAC-SHA1>`. The salt is damaged, truncated, or the separators are missing.",
    why: 'ssh reports "bad host hash" at debug level and skips the line, so the host is unknown: a prompt, or a failure under StrictHostKeyChecking yes.',
    bad: "|1|abc|Wj3uH2MkGeZ7XMcXw9ZAwyRnnaU= ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
    good: "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
    references: ["OpenSSH hostfile.c extract_salt(), match_maybe_hashed()"]
  },
  check(model) {
    return rejectedLines(model, "bad-hash").map(
      ({ line, rejection }) => hitAt(line, rejection.range, "The hashed host name is damaged (its salt is not 20 bytes of base64); ssh skips this line.", "Regenerate the entry: `ssh-keygen -R HOST`, then `ssh-keyscan HOST` and verify the fingerprint, or write the host name in clear.")
    );
  }
});

// src/rules/known-hosts/ssh1-key.ts
var ssh1_key_default = defineKeyFileRule({
  id: "SSH202",
  alias: "known-hosts-ssh1-key",
  kinds: ["known_hosts"],
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A legacy SSH protocol 1 RSA host key (`host bits exponent modulus`).",
    what: "A known_hosts line whose key is written as three decimal numbers: an SSH-1 RSA host key.",
    why: "SSH-1 support was removed in OpenSSH 7.4; such lines are skipped and only clutter the file.",
    bad: "oldhost 1024 35 1389467283462834628346283746283746283746238",
    good: "oldhost ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
    references: ["OpenSSH 7.4 release notes (SSH-1 server support removed)", "OpenSSH hostfile.c hostkeys_foreach_file()"]
  },
  check(model) {
    return rejectedLines(model, "ssh1-key").map(
      ({ line, rejection }) => hitAt(line, rejection.range, "This is an SSH protocol 1 RSA key, which OpenSSH no longer reads; the line is skipped.", "Delete the line and record the host's current key.")
    );
  }
});

// src/rules/known-hosts/host-patterns.ts
import { createHmac } from "node:crypto";
function splitHostPatterns(hosts) {
  const patterns = [];
  let at2 = 0;
  for (const text of hosts.text.split(",")) {
    const negated = text.startsWith("!");
    const start = hosts.range.start + at2;
    patterns.push({ text, negated, body: negated ? text.slice(1) : text, range: { start, end: start + text.length } });
    at2 += text.length + 1;
  }
  return patterns;
}
function hasWildcard(text) {
  return text.includes("*") || text.includes("?");
}
function matchPattern3(s, pattern) {
  let si = 0;
  let pi = 0;
  let star = -1;
  let resume = 0;
  while (si < s.length) {
    const p = pattern[pi];
    if (p === "*") {
      star = pi++;
      resume = si;
    } else if (p !== void 0 && (p === "?" || p === s[si])) {
      si++;
      pi++;
    } else if (star !== -1) {
      pi = star + 1;
      si = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[pi] === "*") pi++;
  return pi === pattern.length;
}
var asciiLower2 = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
var MAX_SUBPATTERN = 1023;
function matchHostList(host2, list) {
  const name = asciiLower2(host2);
  let positive = false;
  for (const raw of list.split(",")) {
    const negated = raw.startsWith("!");
    const sub = negated ? raw.slice(1) : raw;
    if (sub.length >= MAX_SUBPATTERN) return 0;
    if (matchPattern3(name, asciiLower2(sub))) {
      if (negated) return -1;
      positive = true;
    }
  }
  return positive ? 1 : 0;
}
function isHashedField(hosts) {
  return hosts.startsWith("|");
}
var HASH_MAGIC2 = "|1|";
function saltOf(hosts) {
  const end = hosts.indexOf("|", HASH_MAGIC2.length);
  if (!hosts.startsWith(HASH_MAGIC2) || end === -1) return null;
  return decodeBase64(hosts.slice(HASH_MAGIC2.length, end));
}
function hashHost(host2, hosts) {
  const salt = saltOf(hosts);
  if (!salt) return null;
  const hash = createHmac("sha1", salt).update(host2, "utf8").digest("base64");
  return `${HASH_MAGIC2}${Buffer.from(salt).toString("base64")}|${hash}`;
}
function hashedFieldMatches(hosts, host2) {
  return hashHost(host2, hosts) === hosts;
}
function literalNames(hosts) {
  const names = /* @__PURE__ */ new Set();
  for (const raw of hosts.split(",")) {
    if (raw.startsWith("!") || raw === "" || hasWildcard(raw)) continue;
    const name = asciiLower2(raw);
    if (matchHostList(name, hosts) === 1) names.add(name);
  }
  return [...names];
}

// src/rules/known-hosts/port-syntax.ts
var DEFAULT_PORT = 22;
var MAX_PORT = 65535;
function portProblem(body) {
  if (body.startsWith("[")) {
    const close = body.indexOf("]");
    if (close === -1) {
      if (hasWildcard(body)) return void 0;
      return { why: "the closing `]` is missing", fix: "Write it as `[host]:port`." };
    }
    const inner = body.slice(1, close);
    const rest = body.slice(close + 1);
    if (hasWildcard(rest)) return void 0;
    if (rest === "") return { why: "a bracketed host needs a `:port` after it", fix: `Write \`[${inner}]:PORT\`, or \`${inner}\` alone for port 22.` };
    const port3 = /^:(\d{1,10})$/.exec(rest)?.[1];
    if (port3 === void 0) return { why: `\`${rest}\` after \`]\` is not \`:port\``, fix: `Write \`[${inner}]:PORT\`.` };
    const value = Number(port3);
    if (value === DEFAULT_PORT || value === 0) {
      return {
        why: `for port ${DEFAULT_PORT} ssh looks up the bare name, never \`[${inner}]:${port3}\``,
        fix: `Write \`${inner}\` without brackets and port.`
      };
    }
    if (value > MAX_PORT) return { why: `${port3} is not a TCP port`, fix: `Write \`[${inner}]:PORT\` with the real port.` };
    if (String(value) !== port3) {
      return { why: `ssh writes the port without leading zeros (\`[${inner}]:${value}\`)`, fix: `Write \`[${inner}]:${value}\`.` };
    }
    return void 0;
  }
  const colon = body.indexOf(":");
  if (colon === -1 || body.indexOf(":", colon + 1) !== -1) return void 0;
  const host2 = body.slice(0, colon);
  const port2 = body.slice(colon + 1);
  if (host2 === "" || !/^\d{1,5}$/.test(port2) || host2.includes("]")) return void 0;
  if (hasWildcard(host2) && !/^\*\.[^*?]*[g-z][^*?]*$/i.test(host2)) return void 0;
  if (Number(port2) === DEFAULT_PORT) {
    return { why: `for port ${DEFAULT_PORT} ssh looks up the bare name \`${host2}\``, fix: `Write \`${host2}\` without the port.` };
  }
  return {
    why: `for port ${Number(port2)} ssh looks up \`[${host2}]:${Number(port2)}\``,
    fix: `Write \`[${host2}]:${Number(port2)}\`.`
  };
}
function reportPattern(line, pattern) {
  const problem2 = portProblem(pattern.body);
  if (!problem2) return void 0;
  const what = pattern.negated ? "This negated pattern never excludes anything" : "This host pattern never matches";
  return hitAt(line, pattern.range, `${what}: ${quote(pattern.text)}, ${problem2.why}.`, problem2.fix);
}
var port_syntax_default = defineKeyFileRule({
  id: "SSH203",
  alias: "known-hosts-port-syntax",
  kinds: ["known_hosts"],
  category: "lockout",
  severity: "warning",
  docs: {
    summary: "A host pattern with a port in a form ssh never looks up (`host:2222`, `[host]:22`).",
    what: "ssh looks a server up in known_hosts by its name alone when it listens on port 22, and as `[name]:port` for any other port (`put_host_port()`). A pattern written `host:2222`, `[host]:22`, `[host]` without a port, or with a port that has leading zeros can therefore never match. IPv6 addresses written without brackets (`2001:db8::1`) are plain names and are not reported, nor are wildcard patterns that could still match (`*:2222`).",
    why: 'The entry is dead: ssh does not find the host, so it prompts to add the key again, or fails with "Host key verification failed" under StrictHostKeyChecking yes (as in CI). An `@cert-authority` line written this way trusts its CA for nothing; a negated pattern excludes nothing. The one exception is a HostKeyAlias set to exactly that text, which is looked up verbatim.',
    bad: `git.example.com:2222 ssh-ed25519 ${ED25519_BLOB}`,
    good: `[git.example.com]:2222 ssh-ed25519 ${ED25519_BLOB}`,
    references: ['sshd(8) SSH_KNOWN_HOSTS FILE FORMAT ("[hostname]:port")', "OpenSSH misc.c put_host_port(), sshconnect.c get_hostfile_hostname_ipaddr()"]
  },
  check(model) {
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const hosts = entry2.knownHosts?.hosts;
      if (!hosts || isHashedField(hosts.text)) continue;
      for (const pattern of splitHostPatterns(hosts)) {
        const hit = reportPattern(line, pattern);
        if (hit) hits.push(hit);
      }
    }
    return hits;
  }
});

// src/rules/known-hosts/ca-too-broad.ts
var PUBLIC_GENERIC_TLDS = new Set(
  "com net org info biz edu gov mil int name pro mobi aero asia cat coop jobs museum tel travel xxx app dev page cloud online site website xyz top shop store tech space live blog club link click host hosting server systems network digital services solutions company email io ai".split(" ")
);
var USER_ASSIGNED_CODES = /^(aa|q[m-z]|x[a-z]|zz)$/;
function isPublicTld(label) {
  const tld = label.toLowerCase();
  if (/^[a-z]{2}$/.test(tld)) return !USER_ASSIGNED_CODES.test(tld);
  return PUBLIC_GENERIC_TLDS.has(tld);
}
function breadth(body) {
  const host2 = /^\[(.*)\]:[^\]]*$/.exec(body)?.[1] ?? body;
  if (/^[*?.]*$/.test(host2) && host2.includes("*")) return "it matches every host name";
  const fixed = /\*[*?]*\.?([^*?.]+)\.?$/.exec(host2)?.[1];
  if (fixed !== void 0 && isPublicTld(fixed)) return `it matches every host under .${fixed.toLowerCase()}, in domains anyone can register`;
  return void 0;
}
var ca_too_broad_default = defineKeyFileRule({
  id: "SSH204",
  alias: "known-hosts-ca-too-broad",
  kinds: ["known_hosts"],
  category: "unsafe-setting",
  severity: "warning",
  docs: {
    summary: "An `@cert-authority` line trusts its CA for every host (`*`), or for a whole public top-level domain (`*.com`).",
    what: "A positive host pattern of an `@cert-authority` line is reported when it is made only of wildcards and dots (`*`, `*.*`, `*?`, also inside `[ ]:port`), or when the only fixed text after its last `*` is a public top-level domain: every two-letter country code (`*.de`, `*.io`) and the common generic ones (`*.com`, `web*.net`, `*.org`, `*.dev`, …). Patterns that end in a domain (`*.example.com`; also `*.co.uk`-style suffixes, which this rule does not know), IP ranges (`10.*`) and private-use names (`*.internal`, `*.corp`, `*.lan`, `*.local`) are not reported; negated patterns only narrow a line and are never reported.",
    why: "ssh accepts any host certificate signed by a CA whose `@cert-authority` line matches the host name, as long as a principal in the certificate matches that name. With `*` the CA can vouch for every server you connect to, including ones outside your organisation (github.com, your bank's SFTP): whoever holds or steals the CA key can impersonate any of them without a host-key warning. Restrict the line to the domains the CA actually signs for.",
    bad: `@cert-authority * ssh-ed25519 ${ED25519_BLOB}`,
    good: `@cert-authority *.example.com,*.example.net ssh-ed25519 ${ED25519_BLOB}`,
    references: ["sshd(8) SSH_KNOWN_HOSTS FILE FORMAT (@cert-authority)", "OpenSSH hostfile.c, sshconnect.c check_host_key() (want_cert)", "OpenSSH sshkey.c sshkey_cert_check_host()"]
  },
  check(model) {
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const fields = entry2.knownHosts;
      if (fields?.marker?.name !== "@cert-authority" || isHashedField(fields.hosts.text)) continue;
      for (const pattern of splitHostPatterns(fields.hosts)) {
        if (pattern.negated) continue;
        const why = breadth(pattern.body);
        if (!why) continue;
        hits.push(
          hitAt(
            line,
            pattern.range,
            `This CA is trusted for the host pattern ${quote(pattern.text)}: ${why}, so it can sign a certificate for any of them.`,
            "List only the domains this CA signs host certificates for, e.g. `*.example.com`."
          )
        );
      }
    }
    return hits;
  }
});

// src/rules/known-hosts/conflicting-keys.ts
function toHostEntry(line, entry2) {
  const fields = entry2.knownHosts;
  if (!fields) return void 0;
  const hashed = isHashedField(fields.hosts.text);
  const marker = fields.marker?.name === "@revoked" ? "revoked" : fields.marker ? "ca" : "trusted";
  return {
    line,
    hosts: fields.hosts.text,
    hashed,
    marker,
    keyType: entry2.key.key.canonicalType,
    certificate: entry2.key.key.certificate,
    fingerprint: entry2.key.key.fingerprint,
    names: hashed ? [] : literalNames(fields.hosts.text),
    keyRange: { start: entry2.key.typeRange.start, end: entry2.key.base64Range.end }
  };
}
function sharedName(a, b) {
  if (a.hashed && b.hashed) return a.hosts === b.hosts ? "" : void 0;
  if (a.hashed) return b.names.find((name) => hashedFieldMatches(a.hosts, name));
  if (b.hashed) return a.names.find((name) => hashedFieldMatches(b.hosts, name));
  return a.names.find((name) => b.names.includes(name));
}
function revokedFor(trusted, revoked) {
  if (revoked.hashed) {
    if (trusted.hashed) return trusted.hosts === revoked.hosts ? "" : void 0;
    return trusted.names.find((name) => hashedFieldMatches(revoked.hosts, name));
  }
  const patterns = splitHostPatterns({ text: revoked.hosts, range: { start: 0, end: revoked.hosts.length } });
  if (trusted.hashed) {
    const universal = patterns.some((p) => !p.negated && /^\*+$/.test(p.body)) && !patterns.some((p) => p.negated);
    return universal ? "" : void 0;
  }
  for (const pattern of splitHostPatterns({ text: trusted.hosts, range: { start: 0, end: trusted.hosts.length } })) {
    if (pattern.negated || pattern.body === "") continue;
    if (matchHostList(pattern.body, trusted.hosts) === 1 && matchHostList(pattern.body, revoked.hosts) === 1) return pattern.body.toLowerCase();
  }
  return void 0;
}
var named3 = (host2, hashed = "the same hashed host") => host2 === "" ? hashed : `'${host2}'`;
function related(earlier, path9, message) {
  return {
    file: path9,
    line: earlier.line.number,
    column: earlier.keyRange.start + 1,
    endColumn: earlier.keyRange.end + 1,
    message
  };
}
var conflicting_keys_default = defineKeyFileRule({
  id: "SSH205",
  alias: "known-hosts-conflicting-keys",
  kinds: ["known_hosts"],
  category: "hygiene",
  severity: "warning",
  docs: {
    summary: "A host has two different keys of the same type, or a key is both trusted and `@revoked`.",
    what: "Two plain (unmarked) lines name the same host exactly (the same literal name, or a hashed entry that is the hash of a name the other line lists) with two different keys of one key type: usually the old key left behind after the server was re-keyed. Also reported: a key (or CA key) that one line trusts and an `@revoked` line revokes for the same host. Wildcard-only overlaps and `@cert-authority` lines with different CA keys (a CA rotation) are not reported.",
    why: 'ssh accepts the host if its key equals any of the recorded keys of that type, so the stale key keeps authenticating the host: if it was retired because it leaked, whoever holds it can still impersonate the server without a warning. A load balancer whose back ends have different keys looks the same and is better served by a host certificate. When a key is both trusted and `@revoked`, revocation wins: ssh refuses the host with "REVOKED HOST KEY DETECTED", and the trusting line is dead.',
    bad: `git.example.com ssh-ed25519 ${ED25519_BLOB}
git.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDKmWTRHTCpbwMT5pqDTs59gCP8Tt7HyMIc13j9YK7Wp`,
    good: `git.example.com ssh-ed25519 ${ED25519_BLOB}
git.example.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCHYwDe0QBJU8tU7ddLVhXn1mAv4P6/YWWVcSZRs+P0ONCKuwVt2KCw/2XtMdYUKZcjO+FhF5vFSRrv1MVdMGaw=`,
    references: ["OpenSSH hostfile.c check_hostkeys_by_key_or_type(), check_key_not_revoked()", "sshd(8) SSH_KNOWN_HOSTS FILE FORMAT (@revoked)", "ssh-keygen(1) -R"]
  },
  check(model) {
    const entries = parsedEntries(model).flatMap(({ line, entry: entry2 }) => toHostEntry(line, entry2) ?? []);
    const path9 = model.source.path;
    const hits = [];
    entries.forEach((later, j) => {
      const stale = [];
      const revoked = [];
      for (const earlier of entries.slice(0, j)) {
        if (later.marker === "trusted" && earlier.marker === "trusted" && !later.certificate && !earlier.certificate) {
          if (later.keyType === earlier.keyType && later.fingerprint !== earlier.fingerprint) {
            const host2 = sharedName(earlier, later);
            if (host2 !== void 0) stale.push({ earlier, host: host2 });
          }
        }
        if (later.fingerprint === earlier.fingerprint && later.marker === "revoked" !== (earlier.marker === "revoked")) {
          const [trusted, revoking] = later.marker === "revoked" ? [earlier, later] : [later, earlier];
          const host2 = trusted.certificate ? void 0 : revokedFor(trusted, revoking);
          if (host2 !== void 0) revoked.push({ earlier, host: host2 });
        }
      }
      const firstStale = stale[0];
      if (firstStale) {
        const lines = stale.map((s) => s.earlier.line.number).join(", ");
        const hit = hitAt(
          later.line,
          later.keyRange,
          `${named3(firstStale.host)} already has a different ${later.keyType} key (line ${lines}); ssh accepts either, so a stale one still authenticates the host.`,
          "Keep only the host's current key: `ssh-keygen -R HOST`, then add the key you have verified."
        );
        hit.related = stale.map((s) => related(s.earlier, path9, `The other ${later.keyType} key for ${named3(s.host)}.`));
        hits.push(hit);
      }
      const firstRevoked = revoked[0];
      if (firstRevoked) {
        const what = later.marker === "ca" || firstRevoked.earlier.marker === "ca" ? "CA key" : "key";
        const hit = hitAt(
          later.line,
          later.keyRange,
          later.marker === "revoked" ? `This ${what} is @revoked for ${named3(firstRevoked.host, "a hashed host")} but trusted on line ${firstRevoked.earlier.line.number}; revocation wins and ssh refuses the host ("REVOKED HOST KEY DETECTED").` : `This ${what} was @revoked for ${named3(firstRevoked.host, "a hashed host")} on line ${firstRevoked.earlier.line.number}, so trusting it here has no effect: ssh refuses the host ("REVOKED HOST KEY DETECTED").`,
          "Decide which is meant: remove the trusting line if the key is retired, or the @revoked line if it is not."
        );
        hit.related = revoked.map((r) => related(r.earlier, path9, r.earlier.marker === "revoked" ? "The @revoked entry." : "The entry that trusts the same key."));
        hits.push(hit);
      }
    });
    return hits;
  }
});

// src/rules/known-hosts/unhashed.ts
var unhashed_default = defineKeyFileRule({
  id: "SSH206",
  alias: "known-hosts-unhashed",
  kinds: ["known_hosts"],
  category: "hygiene",
  severity: "note",
  enabledByDefault: false,
  docs: {
    summary: "known_hosts entries that name their hosts in clear text (HashKnownHosts not applied).",
    what: "Lines that `ssh-keygen -H` would hash: no marker, a host field that is not already hashed and has no wildcard or negation (`*`, `?`, `!`). `@cert-authority` and `@revoked` lines and wildcard patterns cannot be hashed and are not reported. One finding per file, on the first such line.",
    why: "A known_hosts file lists the servers its owner connects to. If the file leaks (a committed dotfiles repository, a stolen laptop, a compromised account), plain names tell an attacker where to go next; hashed names (`|1|salt|hash`, what `HashKnownHosts yes` writes) do not, though short names can still be guessed. Mozilla's OpenSSH guidelines recommend hashing. It does not matter for files whose content is public anyway, e.g. a CI known_hosts that pins github.com or gitlab.com: leave this rule off there, or suppress it.",
    bad: `bastion.corp.example.com,10.20.0.5 ssh-ed25519 ${ED25519_BLOB}`,
    good: `|1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM= ssh-ed25519 ${ED25519_BLOB}`,
    references: ["Mozilla OpenSSH guidelines (HashKnownHosts yes)", "ssh_config(5) HashKnownHosts", "ssh-keygen(1) -H; OpenSSH ssh-keygen.c known_hosts_hash()"]
  },
  check(model) {
    const plain = parsedEntries(model).flatMap(({ line, entry: entry2 }) => {
      const fields = entry2.knownHosts;
      if (!fields || fields.marker || isHashedField(fields.hosts.text) || /[*?!]/.test(fields.hosts.text)) return [];
      return [{ line, range: fields.hosts.range }];
    });
    const first = plain[0];
    if (!first) return [];
    const others = plain.length > 1 ? ` (and ${plain.length - 1} more line${plain.length > 2 ? "s" : ""})` : "";
    return [
      hitAt(
        first.line,
        first.range,
        `Host names are stored in clear text here${others}: anyone who reads this file learns which servers it is used for.`,
        "Hash the file with `ssh-keygen -H -f FILE` (it keeps a .old copy), and set `HashKnownHosts yes` so new entries are hashed too."
      )
    ];
  }
});

// src/rules/known-hosts/hash-never-matches.ts
var SHA1_BYTES = 20;
var encode = (bytes) => Buffer.from(bytes).toString("base64");
function isCanonicalDigest(text) {
  const bytes = decodeBase64(text);
  return bytes !== null && bytes.length === SHA1_BYTES && encode(bytes) === text;
}
function hashedFieldProblem(hosts) {
  const saltEnd = hosts.indexOf("|", 3);
  const salt = hosts.slice(3, saltEnd);
  const rest = hosts.slice(saltEnd + 1);
  if (rest.includes(",")) return "a hashed entry holds exactly one name, and ssh compares the whole field (other names included) with the hash, so nothing on this line matches";
  if (/[*?]/.test(rest)) return "wildcards do not work in hashed entries: ssh compares the field with the hash of the name, character for character";
  const saltBytes = decodeBase64(salt);
  if (saltBytes && encode(saltBytes) !== salt) return "the salt is not written the way ssh re-encodes it, so the comparison fails";
  if (!isCanonicalDigest(rest)) return "the hash part is not a 20-byte base64 HMAC-SHA1 (truncated or edited), so it equals no name's hash";
  return void 0;
}
function reportHashed(line, range, hosts) {
  const why = hashedFieldProblem(hosts);
  return why === void 0 ? void 0 : hitAt(line, range, `This hashed host entry never matches: ${why}.`, "Give each hashed name its own line (`ssh-keygen -H` does this), or write the names in clear text.");
}
var hash_never_matches_default = defineKeyFileRule({
  id: "SSH207",
  alias: "known-hosts-hash-never-matches",
  kinds: ["known_hosts"],
  category: "lockout",
  severity: "warning",
  docs: {
    summary: "A hashed host name (`|1|…`) combined with other names, wildcards or negation, or with a damaged hash, so it never matches.",
    what: "A field that starts with `|` is compared as a whole with the hash ssh computes for the host, so `|1|salt|hash,other.example.com`, a wildcard in it, or a hash that is not 20 bytes of base64 matches nothing. A hashed name placed after a plain name (`web1,|1|…`) or negated (`!|1|…`) is read as an ordinary pattern: it is compared literally and never matches either. A salt that is not 20 bytes of base64 is reported by known-hosts-bad-hash instead.",
    why: 'The entry is dead: ssh treats the host as unknown (a prompt, or "Host key verification failed" under StrictHostKeyChecking yes), and the plain names that share a field with a hash are lost with it. OpenSSH\'s own hashing (`ssh-keygen -H`, HashKnownHosts) writes one hashed name per line, with no wildcards or negation.',
    bad: `|1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM=,10.20.0.5 ssh-ed25519 ${ED25519_BLOB}`,
    good: `|1|gzvywNsCMp5CzpCVydM36Kg4ans=|IaqXDh0p7pF7X/dPPWhcGA0U1qM= ssh-ed25519 ${ED25519_BLOB}
10.20.0.5 ssh-ed25519 ${ED25519_BLOB}`,
    references: ["OpenSSH hostfile.c match_maybe_hashed(), host_hash()", "sshd(8) SSH_KNOWN_HOSTS FILE FORMAT (hashed hostnames)"]
  },
  check(model) {
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const hosts = entry2.knownHosts?.hosts;
      if (!hosts) continue;
      if (isHashedField(hosts.text)) {
        const hit = reportHashed(line, hosts.range, hosts.text);
        if (hit) hits.push(hit);
        continue;
      }
      for (const pattern of splitHostPatterns(hosts)) {
        if (!pattern.body.startsWith("|1|")) continue;
        hits.push(
          hitAt(
            line,
            pattern.range,
            `The hashed name ${quote(pattern.text)} is not at the start of the field${pattern.negated ? " (and is negated)" : ""}, so ssh compares it as plain text and it never matches.`,
            "Give the hashed name its own line, without `!`, or write the name in clear text."
          )
        );
      }
    }
    return hits;
  }
});

// src/rules/public-key/file-contents.ts
var file_contents_default = defineKeyFileRule({
  id: "SSH300",
  alias: "public-key-file-contents",
  kinds: ["public_key"],
  category: "hygiene",
  severity: "warning",
  docs: {
    summary: "A .pub file with more than one key, with authorized_keys options, or with no key at all.",
    what: 'A public key file holds one `keytype base64 [comment]` line, as `ssh-keygen` writes it. Reported: a second (or later) key line; a key line that starts with authorized_keys options (`restrict,command="…" ssh-ed25519 …`); a file with only comments and blank lines. Lines OpenSSH cannot parse at all are left to the malformed-line rules.',
    why: 'Everything that loads "the" public key of a file (`sshkey_load_public()`: ssh with IdentityFile/CertificateFile, `ssh-keygen -s` signing, `-L`, `-e`, `-y` checks) takes the first line it can read as a bare key and ignores the rest, while `ssh-keygen -l` and `ssh-copy-id` process every line, so the tools disagree about which key the file means. A line with options is no key to `sshkey_load_public()`: `ssh-keygen -s` fails with a misleading "No such file or directory", `-L` with "invalid format", and ssh does not load a certificate written that way. A file without a key fails in all of them.',
    bad: `restrict ${ED25519_EXAMPLE} deploy@ci`,
    good: `${ED25519_EXAMPLE} deploy@ci`,
    references: ["OpenSSH authfile.c sshkey_try_load_public()", "OpenSSH ssh-keygen.c do_fingerprint()", "ssh-keygen(1)"]
  },
  check(model) {
    const hits = [];
    const keys = parsedEntries(model);
    const withOptions = keys.filter(({ entry: entry2 }) => entry2.optionsRange !== void 0);
    for (const { line, entry: entry2 } of withOptions) {
      hits.push(
        hitAt(
          line,
          entry2.optionsRange,
          "authorized_keys options in a .pub file: ssh and ssh-keygen -s/-L/-e read only bare keys and skip this line (only ssh-keygen -l tolerates options).",
          "Remove the options from the .pub file; add them where the key is installed (authorized_keys)."
        )
      );
    }
    const used = keys.find(({ entry: entry2 }) => entry2.optionsRange === void 0);
    const second = keys[1];
    if (second) {
      const usedText = used ? `the key on line ${used.line.number}` : "no key (every key line has options)";
      hits.push(
        hitAt(
          second.line,
          { start: second.entry.key.typeRange.start, end: second.entry.key.base64Range.end },
          `This .pub file holds ${keys.length} keys; ssh and ssh-keygen -s/-L/-e use only ${usedText}, while ssh-keygen -l and ssh-copy-id take them all.`,
          "Keep one key per .pub file (named after its private key); collect several keys in an authorized_keys file instead."
        )
      );
    }
    const anyKeyLine = model.lines.some((l) => l.status !== "ignored");
    if (!anyKeyLine) {
      const lines = model.source.lines;
      const message = 'This .pub file contains no key, only comments or blank lines: ssh-keygen reports "is not a public key file" and nothing can be installed from it.';
      const help = "Write the public key into it again, e.g. `ssh-keygen -y -f PRIVATE_KEY > FILE.pub`.";
      hits.push(lines.length > 0 ? hitLines(lines, 1, lines.length, message, help) : { line: 1, column: 1, message, help });
    }
    return hits;
  }
});

// src/rules/public-key/certificate-validity.ts
var FOREVER = 2n ** 64n - 1n;
var MAX_DATE_SECONDS = 8640000000000n;
function formatCertTime(seconds) {
  if (seconds > MAX_DATE_SECONDS) return `${seconds} seconds after 1970`;
  return new Date(Number(seconds) * 1e3).toISOString().replace(".000Z", "Z");
}
function problems(cert, now) {
  const { validAfter, validBefore } = cert;
  const user = cert.certType === "user";
  const who = user ? 'sshd refuses it ("Certificate invalid: expired")' : 'ssh refuses the host ("Certificate invalid: expired")';
  const renew = `Issue a new certificate: \`ssh-keygen -s CA_KEY -I ID -n PRINCIPALS -V +52w ${user ? "" : "-h "}KEY.pub\`.`;
  if (validAfter >= validBefore) {
    return [[`This certificate is never valid: valid from ${formatCertTime(validAfter)} but only before ${formatCertTime(validBefore)}.`, renew]];
  }
  if (now >= validBefore) {
    return [[`This ${cert.certType} certificate expired on ${formatCertTime(validBefore)}; ${who}.`, renew]];
  }
  const found = [];
  if (now < validAfter) {
    found.push([
      `This ${cert.certType} certificate is not valid until ${formatCertTime(validAfter)}; until then ${user ? "sshd" : "ssh"} refuses it ("Certificate invalid: not yet valid").`,
      "Check the -V start time it was issued with (and the clock of the machine that issued it)."
    ]);
  }
  if (validBefore === FOREVER) {
    found.push([
      `This ${cert.certType} certificate never expires (valid ${validAfter === 0n ? "always:forever" : `from ${formatCertTime(validAfter)} forever`}): if its key leaks, it stays usable until the certificate is revoked (RevokedKeys) or the CA is replaced.`,
      `Issue certificates with an end date (\`ssh-keygen -s … -V +52w\`; ssh-keygen's default is forever) and renew them.`
    ]);
  }
  return found;
}
var certificate_validity_default = defineKeyFileRule({
  id: "SSH301",
  alias: "certificate-validity",
  kinds: ["public_key"],
  category: "hygiene",
  severity: "warning",
  docs: {
    summary: "An OpenSSH certificate that has expired, is not yet valid, or never expires.",
    what: "The validity window of a certificate in a `*-cert.pub` file, checked against the time of the run: expired (valid_before at or before now), not yet valid (valid_after after now), or valid forever (valid_before 2^64-1, what `ssh-keygen -s` writes without `-V`, or with `-V always:forever` / `-V …:forever`). Times are shown in UTC.",
    why: 'OpenSSH refuses an expired or not-yet-valid certificate ("Certificate invalid: expired" / "not yet valid"): a user certificate no longer logs in, a host certificate no longer vouches for its host. A certificate that never expires gives up the main advantage of certificates over plain keys: if the key leaks, it works until the CA itself is replaced or the certificate is listed in a RevokedKeys file.',
    bad: "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIGzfEfbzIli7aZFDoejV+IAST4dWWIsWDiqpODsPGcEFAAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAACmFsaWNlLTIwMjAAAAAJAAAABWFsaWNlAAAAAF4L4QAAAAAAX+5mAAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDFW2i1crB431XJy9ezfelZmeXWhMmii6Is8tj0vW4ToAAAAUwAAAAtzc2gtZWQyNTUxOQAAAED/4Ql35iKtAG/7JnojC9lexnEXquyJ4ko1/7xQ83BDmGZhFNldOlG3sSDPxBg2tCw+ZJaoR3sL6R+K8k6n5K4K alice@laptop",
    good: "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIPMQ7UDBS+ztFUaeQanx2SXEThZFr8ihxgcNRxovjbV2AAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAACmFsaWNlLTIwMjYAAAAJAAAABWFsaWNlAAAAAGlVuQAAAAAAbRbOgAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIDFW2i1crB431XJy9ezfelZmeXWhMmii6Is8tj0vW4ToAAAAUwAAAAtzc2gtZWQyNTUxOQAAAEDpmHhEmWACGie79jlGmsO4Iii7qneTqQ06MHo+Ld5R4GjF2kajJ+5PlL+sHIVzwl/Yghgt+gBzEbETPdw4EpUH alice@laptop",
    references: ["OpenSSH sshkey.c sshkey_cert_check_authority()", "ssh-keygen(1) -V, -L", "PROTOCOL.certkeys (valid after / valid before)"]
  },
  check(model, context) {
    const now = BigInt(Math.floor(context.now));
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const cert = entry2.key.key.cert;
      if (!cert) continue;
      const range = { start: entry2.key.typeRange.start, end: entry2.key.base64Range.end };
      for (const [message, help] of problems(cert, now)) hits.push(hitAt(line, range, message, help));
    }
    return hits;
  }
});

// src/rules/public-key/certificate-signed-with-ssh-rsa.ts
var SSH_RSA_REFUSED_SINCE = "8.2";
var certificate_signed_with_ssh_rsa_default = defineKeyFileRule({
  id: "SSH302",
  alias: "certificate-signed-with-ssh-rsa",
  kinds: ["public_key"],
  category: "lockout",
  severity: "error",
  docs: {
    summary: "A certificate whose CA signature uses `ssh-rsa` (RSA with SHA-1), which OpenSSH 8.2 and later refuse by default.",
    what: 'The signature algorithm inside a certificate (the one `ssh-keygen -L` shows as "Signing CA: RSA … (using ssh-rsa)") is `ssh-rsa`: RSA over a SHA-1 hash. It is what `ssh-keygen -s` used for RSA CA keys before OpenSSH 8.2, what `-t ssh-rsa` still selects, and what some older CA tools and HSM signers still produce. The CA key itself is fine; re-signing with `rsa-sha2-256` or `rsa-sha2-512` fixes it.',
    why: 'Since OpenSSH 8.2 the default CASignatureAlgorithms (`SSH_ALLOWED_CA_SIGALGS`) leaves out `ssh-rsa`, and `sshkey_check_cert_sigtype()` rejects the certificate: sshd logs "certificate signature algorithm ssh-rsa: signature algorithm not supported" and refuses a user certificate, ssh refuses a host certificate. Only a CASignatureAlgorithms that adds `ssh-rsa` back accepts it, at the price of trusting SHA-1 signatures, for which chosen-prefix collisions are practical. On older targets it still works but is weak.',
    bad: "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAICOlxjOG1pqCCMQ7N2KFrGa4q4k8XqZoj6xJV2S4AI+LAAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAACmFsaWNlLXNoYTEAAAAJAAAABWFsaWNlAAAAAGlVuQAAAAAAbRbOgAAAAAAAAACCAAAAFXBlcm1pdC1YMTEtZm9yd2FyZGluZwAAAAAAAAAXcGVybWl0LWFnZW50LWZvcndhcmRpbmcAAAAAAAAAFnBlcm1pdC1wb3J0LWZvcndhcmRpbmcAAAAAAAAACnBlcm1pdC1wdHkAAAAAAAAADnBlcm1pdC11c2VyLXJjAAAAAAAAAAAAAAGXAAAAB3NzaC1yc2EAAAADAQABAAABgQC8AWEYahOlj/GpRTPAgtmtF7EMl+Ee35ypgC9fvbW4LND6s0vm8Zy8cB4UBzQ09uP4k4Msnl8gH8Wol99jQxTtIBk619EMxpP8wH1VC+nDIst+Yc8wudETppe4C5wjh4YqI5JwHHBAh2mdV1aNr8LTWEpC5YvK5jV0q2uEfI1zBMvO252lnanD0Xp6qjutVxEHlTidPFjCycyNlZNILamiQxWlVLAeHvESM70bm/0AHfTGoqYYE2BQMzI/tdx4xPBv8u+KPn67CMR+p3kxoeqWUC/4IT05vYE5ZxIs/cGjzI7NEmzXBTQbvqlJRYJEK2nEjW9cLVZ7JolH7ETwcr5g8EqNQpGp3VjhzIfQcik0uLmporLPBX6ACJO9TQI62rES3GZBhOYmp/Plz5IRQ7LhZTrIO/gnNnkNXAeFHSpzro+T6luIgFN8RkF0K8ybXPfyxyG1WdRgWz/YgapEpTRY5REP0MWFNzs7pH10lPHvpsp6u0TGQnyEVPgrQ4/jvtsAAAGPAAAAB3NzaC1yc2EAAAGACTETHeMW+PEz2/cuIFW6MiH4R5dzLLNBkCpXWd2edumxWIYl5I7ts/LA0X68hXlqx1S9hppgP8udEXsWzT658k0HqnhpZ6Lh1aH/x/JT1ZY9AdpV3f03T/FnYSatTEEU+THDDJFDYTrplNj35fmNeuwCL0AwG4RqA9thkDckWTiHgSDPV2eOf2R8YIeDELwcxh2e2Mj5r7Zp5siVnzrEivEsf+DVgOHzNDA/Wijj1CtZdXk0/7BarRV7quJ3vT6aD3HmRogEkEs9q6YkqUCQkxv1RqmLHfMSrwabvUq2HJHdMKg2eelCtBEDsUc9F23ubwBg2ihnndIzAH9XY0QfC3YkWOda57WVcDTwuoMYcvrgaU5q2CPng7fT7vebRa838hxCp5srzmp0fGidEWwZxy0QYIFS2B/jdqelL5HqkYNXkE50SBPpdHO/1ZKpZNfKsI9Gq94cLWycmX64dhvnuTWwW2QqxvOKBb6UxQ/VE5430yUheMCfl6gl98czkwDy alice@laptop",
    good: "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZW5zc2guY29tAAAAIADmycs3VaagZRSJqPIAeOqKz7F9Sh5IrPdFH2firxvqAAAAIExHF1IypQNw4/KbTIW8puDDKZJ5wbGgJY7GVnm1xWsSAAAAAAAAAAAAAAABAAAADGFsaWNlLXNoYTUxMgAAAAkAAAAFYWxpY2UAAAAAaVW5AAAAAABtFs6AAAAAAAAAAIIAAAAVcGVybWl0LVgxMS1mb3J3YXJkaW5nAAAAAAAAABdwZXJtaXQtYWdlbnQtZm9yd2FyZGluZwAAAAAAAAAWcGVybWl0LXBvcnQtZm9yd2FyZGluZwAAAAAAAAAKcGVybWl0LXB0eQAAAAAAAAAOcGVybWl0LXVzZXItcmMAAAAAAAAAAAAAAZcAAAAHc3NoLXJzYQAAAAMBAAEAAAGBALwBYRhqE6WP8alFM8CC2a0XsQyX4R7fnKmAL1+9tbgs0PqzS+bxnLxwHhQHNDT24/iTgyyeXyAfxaiX32NDFO0gGTrX0QzGk/zAfVUL6cMiy35hzzC50ROml7gLnCOHhiojknAccECHaZ1XVo2vwtNYSkLli8rmNXSra4R8jXMEy87bnaWdqcPRenqqO61XEQeVOJ08WMLJzI2Vk0gtqaJDFaVUsB4e8RIzvRub/QAd9MaiphgTYFAzMj+13HjE8G/y74o+frsIxH6neTGh6pZQL/ghPTm9gTlnEiz9waPMjs0SbNcFNBu+qUlFgkQracSNb1wtVnsmiUfsRPByvmDwSo1CkandWOHMh9ByKTS4uamiss8FfoAIk71NAjrasRLcZkGE5ian8+XPkhFDsuFlOsg7+Cc2eQ1cB4UdKnOuj5PqW4iAU3xGQXQrzJtc9/LHIbVZ1GBbP9iBqkSlNFjlEQ/QxYU3OzukfXSU8e+mynq7RMZCfIRU+CtDj+O+2wAAAZQAAAAMcnNhLXNoYTItNTEyAAABgCVyyUrG+S6jzlLAFv2ov1/SuNl0sPCb5hqSc7S456ZVeo02VfhM1HjcNAIiKImehaXgk10NFNtNxMbhmWPD72RdbbAxQhFoJhmjjG583II8DTj+5mhAeKyK4tBjyT8IlRCgTKM6v8xrXvb98Od//ABb22p5OSYr+DMQb0cgMsd6oIH943vgU1QWfJTzz5Z9jRsWM1hbPg1vxLnNkOXV+LEUIVcg5bPC+XflnbP6kkPIg33iLVAIsNVRuRpHrsNPl28thzTI6LuVt+emxvkE76b9DUwMhjwASl/eXw7omDopioLqKJo0yaDpd9kHCOa4kW5PbPlw3dZNlbdHdQHtTObxE4MxWN3XK8uKMrUCmfqDXc6l3SVlniA2jFGDlABeU9ES4isfweOmMb51PU9JeCldzvDgjZP5TwTsjpxRU5ulLPNLf4KhF95Yb3H+XoFZCTCLorx/3bA5G5eU/4V+MDiENIcdWz7xOwTD5Zwu4X+bBtSMzTtNh74VpgDPs/1Vbg== alice@laptop",
    references: [
      "OpenSSH myproposal.h SSH_ALLOWED_CA_SIGALGS; sshkey.c sshkey_check_cert_sigtype()",
      'OpenSSH 8.2 release notes ("ssh-rsa" removed from CASignatureAlgorithms)',
      "sshd_config(5) / ssh_config(5) CASignatureAlgorithms",
      "SHA-1 is a Shambles (Leurent, Peyrin 2020)"
    ]
  },
  check(model, context) {
    const refused = atLeast(context.version, SSH_RSA_REFUSED_SINCE);
    const target = formatVersion(context.version);
    const hits = [];
    for (const { line, entry: entry2 } of parsedEntries(model)) {
      const cert = entry2.key.key.cert;
      if (!cert || cert.signatureAlgorithm !== "ssh-rsa") continue;
      const side = cert.certType === "user" ? "sshd refuses this user certificate" : "ssh refuses this host certificate";
      const message = refused ? `This certificate's CA signature uses ssh-rsa (SHA-1), which OpenSSH ${target}'s default CASignatureAlgorithms does not allow: ${side}.` : `This certificate's CA signature uses ssh-rsa (SHA-1), a weak signature; OpenSSH ${target} accepts it, but 8.2 and later refuse it by default.`;
      hits.push(
        hitAt(
          line,
          { start: entry2.key.typeRange.start, end: entry2.key.base64Range.end },
          message,
          `Re-sign it with a SHA-2 signature: \`ssh-keygen -s CA_KEY -t rsa-sha2-512 -I ID …\` (the default of ssh-keygen 8.2 and later), CA fingerprint ${cert.signatureKey.fingerprint}.`
        )
      );
    }
    return hits;
  }
});

// src/rules/config-syntax/problems.ts
function problemHits(analysis, code3, help) {
  const hits = [];
  const program = analysis.kind === "sshd_config" ? "sshd" : "ssh";
  const outcome = program === "ssh" ? "ssh refuses to run" : "sshd will not start";
  for (const [directive, verdict] of analysis.verdicts) {
    const problem2 = verdict.problem;
    if (!problem2 || problem2.code !== code3) continue;
    const when = problem2.severity === "fatal" ? `${program} stops at this line` : "after reading the file";
    hits.push(directiveHit(directive, `${program} rejects this line: "${problem2.message}"; ${when}, ${outcome}.`, help, problem2.range));
  }
  return hits;
}
var CONFIG_KINDS = ["sshd_config", "ssh_config"];

// src/rules/config-syntax/unknown-keyword.ts
var unknown_keyword_default = defineConfigRule({
  id: "SSH400",
  alias: "unknown-keyword",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A keyword the target sshd or ssh does not know: a typo, a vendor patch, a newer or removed option.",
    what: "The keyword is not one the target OpenSSH release accepts: misspelt (`PermitRootLogon`), removed (`RSAAuthentication` in ssh, `PAMAuthenticationViaKbdInt` in 10.4+), newer than the target (`RequiredRSASize` before 9.1), from a vendor patch (`UseKeychain`), or glued to a byte-order mark or a non-breaking space.",
    why: 'sshd prints "Bad configuration option" and, after reading the file, refuses to start ("terminating, N bad configuration options"): a restart after deploying it locks everyone out. ssh refuses to connect at all (unless `IgnoreUnknown` lists it).',
    bad: "PermitRootLogon no",
    good: "PermitRootLogin no",
    references: ["OpenSSH servconf.c parse_token()", "OpenSSH readconf.c parse_token()", "ssh_config(5) IgnoreUnknown"]
  },
  checkConfig(analysis) {
    const program = analysis.kind === "sshd_config" ? "sshd" : "ssh";
    const hits = [];
    for (const [directive, verdict] of analysis.verdicts) {
      const problem2 = verdict.problem;
      if (!problem2 || problem2.code !== "unknown-keyword") continue;
      const keyword = directive.keyword;
      const hasBom = keyword.startsWith("\uFEFF");
      const visible = keyword.replace(/[\uFEFF\u00A0]/g, "");
      const message = hasBom ? `The file starts with a UTF-8 byte-order mark, so ${program} reads the first keyword as "\\357\\273\\277${visible}" and rejects it` : keyword.includes(" ") ? `"${visible}" is written with a non-breaking space, which ${program} does not treat as a blank` : `${program} does not know the keyword "${keyword}"`;
      const help = hasBom ? "Save the file as UTF-8 without BOM (e.g. `sed -i '1s/^\\xEF\\xBB\\xBF//' FILE`)." : problem2.suggestion ? `Did you mean ${problem2.suggestion}?` : program === "ssh" ? "Remove it, or list it in `IgnoreUnknown` before its first use if another ssh build needs it." : "Remove it, or check `man sshd_config` for the target release.";
      hits.push(directiveHit(directive, `${message} ("Bad configuration option"); ${program} refuses to ${program === "sshd" ? "start" : "run"} with this file.`, help, directive.keywordRange));
    }
    return hits;
  }
});

// src/rules/config-syntax/syntax-lines.ts
function syntaxHits(analysis, problem2, describe2) {
  const program = analysis.kind === "sshd_config" ? "sshd" : "ssh";
  return analysis.tree.files.flatMap(
    (file) => file.lines.flatMap((line) => {
      if (line.status !== "rejected" || line.problem !== problem2) return [];
      const { message, help } = describe2(line, program);
      const hit = hitAt(line.line, { start: line.at ?? line.keywordRange.start, end: line.line.text.length }, message, help);
      hit.file = file.source.path;
      return [hit];
    })
  );
}

// src/rules/config-syntax/missing-argument.ts
var missing_argument_default = defineConfigRule({
  id: "SSH401",
  alias: "missing-argument",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A keyword with no value after it.",
    what: "A line that holds a keyword and nothing else (or only `=`), typically a value removed by a template that rendered empty (`PermitRootLogin {{ root_login }}` with the variable unset).",
    why: 'sshd and ssh report `no argument after keyword "X"`; sshd refuses to start after reading the file, ssh refuses to run.',
    bad: "PermitRootLogin",
    good: "PermitRootLogin no",
    references: ["OpenSSH servconf.c process_server_config_line_depth()", "OpenSSH readconf.c process_config_line_depth()"]
  },
  checkConfig(analysis) {
    const fromValues = problemHits(analysis, "no-argument", "Give the keyword a value, or remove the line.");
    return [...fromValues, ...syntaxHits(analysis, "no-argument", (line, program) => ({
      message: `"${line.keyword}" has no value (${program}: 'no argument after keyword "${line.keyword}"'); ${program} refuses to ${program === "sshd" ? "start" : "run"} with this file.`,
      help: `Give ${line.keyword} a value, or remove the line.`
    }))];
  }
});

// src/rules/config-syntax/invalid-quotes.ts
var invalid_quotes_default = defineConfigRule({
  id: "SSH402",
  alias: "invalid-quotes",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A quote in a value that is never closed.",
    what: "A double or single quote opens an argument that runs to the end of the line without its closing quote. Inside quotes, `\\\"`, `\\'` and `\\\\` are escapes.",
    why: 'sshd and ssh report "invalid quotes"; sshd refuses to start after reading the file, ssh refuses to run.',
    bad: 'Banner "/etc/issue.net',
    good: 'Banner "/etc/issue.net"',
    references: ["OpenSSH misc.c argv_split()", 'sshd_config(5): "Arguments may optionally be enclosed in double quotes"']
  },
  checkConfig(analysis) {
    const fromValues = problemHits(analysis, "invalid-quotes", "Close the quote, or escape a literal quote with a backslash.");
    return [...fromValues, ...syntaxHits(analysis, "invalid-quotes", (line, program) => ({
      message: `A quote in the value of ${line.keyword} is never closed (${program}: "invalid quotes"); ${program} refuses to ${program === "sshd" ? "start" : "run"} with this file.`,
      help: "Close the quote, or escape a literal quote with a backslash."
    }))];
  }
});

// src/rules/config-syntax/invalid-value.ts
var invalid_value_default = defineConfigRule({
  id: "SSH403",
  alias: "invalid-value",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A value the keyword does not accept.",
    what: "A value the keyword's parser rejects: `true` for a yes/no flag in sshd_config (only `yes`/`no` are accepted there), `2min` for a time (the units are s, m, h, d, w), a number out of range, a word that is not one of the keyword's choices (`PermitRootLogin without_password`).",
    why: "sshd reports the value and stops (most value errors are fatal) or refuses to start after reading the file; ssh refuses to run. A deploy that restarts sshd with it locks everyone out.",
    bad: "X11Forwarding true",
    good: "X11Forwarding no",
    references: ["OpenSSH servconf.c (multistate tables, convtime(), a2port())"]
  },
  checkConfig(analysis) {
    return problemHits(analysis, "bad-value", "Use a value the keyword accepts for the target release (`man sshd_config` / `man ssh_config`); sshd_config flags take only yes or no.");
  }
});

// src/rules/config-syntax/extra-arguments.ts
var extra_arguments_default = defineConfigRule({
  id: "SSH404",
  alias: "extra-arguments",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "More values than the keyword takes, often from a space after a comma.",
    what: "The keyword takes a fixed number of arguments and the line has more: `Ciphers aes128-ctr, aes256-ctr` (the space after the comma makes a second argument), `PermitRootLogin no yes`, a trailing word that was meant as a comment without `#`.",
    why: 'sshd reports "extra arguments at end of line" ("garbage at end of line" before 8.7) and refuses to start; ssh refuses to run.',
    bad: "Ciphers aes128-ctr, aes256-ctr",
    good: "Ciphers aes128-ctr,aes256-ctr",
    references: ["OpenSSH servconf.c (argv check at the end of process_server_config_line_depth)"]
  },
  checkConfig(analysis) {
    return problemHits(analysis, "extra-arguments", "Remove the extra words; write lists with commas and no spaces (`a,b`), and start comments with `#`.");
  }
});

// src/rules/config-syntax/not-allowed-in-match.ts
var not_allowed_in_match_default = defineConfigRule({
  id: "SSH405",
  alias: "not-allowed-in-match",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A global-only keyword inside a Match block.",
    what: "Only some keywords may appear inside `Match` (sshd_config(5) lists them); `Ciphers`, `Port`, `UseDNS`, `UsePAM`, `LoginGraceTime` and others are global. A Match block runs to the next Match or the end of the file, so a line appended at the bottom of a file that has a Match block is inside it.",
    why: `sshd stops with "Directive 'X' is not allowed within a Match block": it will not start.`,
    bad: "Match User backup\n  ForceCommand internal-sftp\nUseDNS no",
    good: "UseDNS no\nMatch User backup\n  ForceCommand internal-sftp",
    references: ["sshd_config(5) Match; OpenSSH servconf.c (SSHCFG_MATCH)"]
  },
  checkConfig(analysis) {
    return problemHits(analysis, "not-allowed-in-match", "Move the line above the first Match block, or end the Match block first with `Match all`.");
  }
});

// src/rules/config-syntax/invalid-match.ts
var invalid_match_default = defineConfigRule({
  id: "SSH406",
  alias: "invalid-match",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A Match line OpenSSH cannot parse.",
    what: "An unknown Match criterion (`Match Users bob`), `all` combined with other criteria, a criterion without its pattern, an `Address` with an invalid CIDR (host bits set: `192.0.2.1/8`), or a criterion newer than the target release.",
    why: 'sshd prints "Bad Match condition" (or "Unsupported Match attribute") and stops; ssh refuses to run.',
    bad: "Match Users backup",
    good: "Match User backup",
    references: ["OpenSSH servconf.c match_cfg_line(); readconf.c match_cfg_line()"]
  },
  checkConfig(analysis) {
    return problemHits(analysis, "bad-match", "Use the criteria the target release supports (User, Group, Host, Address, LocalAddress, LocalPort, …) with a pattern after each.");
  }
});

// src/rules/config-syntax/invalid-algorithm-list.ts
var invalid_algorithm_list_default = defineConfigRule({
  id: "SSH407",
  alias: "invalid-algorithm-list",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "An algorithm list with a name the target release does not know.",
    what: "`Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `CASignatureAlgorithms` and friends accept only names the release knows: removed ones (`arcfour`, `hmac-ripemd160`, `ssh-dss` on 10.0+), newer ones (`mlkem768x25519-sha256` before 9.9), typos, wildcards where the keyword takes none (`Ciphers aes*-ctr`), or `!` negation.",
    why: 'sshd reports "Bad SSH2 cipher spec" / "Bad SSH2 KexAlgorithms" / "Bad key types" and refuses to start; ssh refuses to run.',
    bad: "Ciphers aes128-ctr,arcfour256",
    good: "Ciphers aes128-ctr,aes256-ctr",
    references: ["OpenSSH cipher.c ciphers_valid(), mac.c mac_valid(), kex-names.c kex_names_valid(), sshkey.c sshkey_names_valid2()"]
  },
  checkConfig(analysis) {
    return problemHits(analysis, "bad-algorithm", "Use only names the target release lists in `ssh -Q cipher|mac|kex|key`, comma-separated; to drop defaults, write `-name`.");
  }
});

// src/rules/config-syntax/unsupported-on-build.ts
var unsupported_on_build_default = defineConfigRule({
  id: "SSH408",
  alias: "unsupported-on-build",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "A keyword the target build accepts but refuses to honour.",
    what: "A keyword the release knows but this platform or build refuses outright, such as `RDomain` on Linux builds.",
    why: 'sshd stops with an error such as "not supported on this platform".',
    bad: "RDomain vrf1",
    good: "ListenAddress 192.0.2.1",
    references: ["sshd_config(5) RDomain"]
  },
  checkConfig(analysis) {
    return problemHits(analysis, "not-supported", "Remove the keyword for this platform.");
  }
});

// src/rules/config-hygiene/include-loop.ts
var include_loop_default = defineConfigRule({
  id: "SSH409",
  alias: "include-loop",
  kinds: CONFIG_KINDS,
  category: "malformed",
  severity: "error",
  docs: {
    summary: "An Include that includes itself, directly or through other files, or nests deeper than 16 levels.",
    what: "A file whose `Include` pattern matches the file itself (`Include /etc/ssh/sshd_config.d/*` placed in a drop-in of that folder), or a chain of Includes that comes back to a file already being read.",
    why: 'OpenSSH follows the Include again and again until it reaches its depth limit of 16, then stops with "Too many recursive configuration includes": sshd will not start, ssh will not run.',
    bad: "Include /etc/ssh/sshd_config",
    good: "Include /etc/ssh/sshd_config.d/*.conf",
    references: ["OpenSSH servconf.c parse_server_config_depth() (SERVCONF_MAX_DEPTH)", "OpenSSH readconf.c read_config_file_depth() (READCONF_MAX_DEPTH)"]
  },
  checkConfig(analysis) {
    const program = analysis.kind === "sshd_config" ? "sshd" : "ssh";
    return analysis.tree.problems.flatMap(
      (problem2) => problem2.code === "too-deep" ? [directiveHit(problem2.directive, `This Include leads back to a file that is already being read; ${program} recurses until "Too many recursive configuration includes" and ${program === "sshd" ? "will not start" : "refuses to run"}.`, "Make the pattern match only the drop-in files (e.g. `*.conf` in a folder that holds no main file).")] : []
    );
  }
});

// src/rules/config-hygiene/include-outside-repository.ts
var include_outside_repository_default = defineConfigRule({
  id: "SSH410",
  alias: "include-outside-repository",
  kinds: CONFIG_KINDS,
  category: "hygiene",
  severity: "note",
  enabledByDefault: false,
  docs: {
    summary: "An Include names files the repository does not hold, so what they set cannot be checked.",
    what: "An `Include` of an absolute path outside /etc/ssh that has no copy in the repository (e.g. RHEL's `/etc/crypto-policies/back-ends/opensshserver.config`), or of a home-directory path. sshlint never reads the machine's own files.",
    why: "First value wins, so an included file can override what the repository sets; sshlint can only judge what it sees. Off by default; turn it on to list such blind spots.",
    bad: "Include /etc/crypto-policies/back-ends/opensshserver.config",
    good: "Include /etc/ssh/sshd_config.d/*.conf",
    references: ["sshd_config(5) Include"]
  },
  checkConfig(analysis) {
    return analysis.tree.problems.flatMap(
      (problem2) => problem2.code === "outside-repository" ? [directiveHit(problem2.directive, `"${problem2.pattern}" is not in the repository (${problem2.reason}); sshlint cannot check what it sets.`, "Commit the included file too, or accept that its settings are unchecked.")] : []
    );
  }
});

// src/rules/config-hygiene/deprecated-keyword.ts
var REPLACEMENT = {
  protocol: "nothing: SSH protocol 1 is gone, every connection is protocol 2",
  useprivilegeseparation: "nothing: privilege separation is always on (since 7.5)",
  uselogin: "nothing: login(1) is no longer used (since 7.4)",
  rsaauthentication: "PubkeyAuthentication",
  rhostsrsaauthentication: "HostbasedAuthentication",
  serverkeybits: "nothing (SSH-1 only)",
  keyregenerationinterval: "nothing (SSH-1 only)",
  useroaming: "nothing: roaming was removed after CVE-2016-0777"
};
var deprecated_keyword_default = defineConfigRule({
  id: "SSH420",
  alias: "deprecated-keyword",
  kinds: CONFIG_KINDS,
  category: "deprecated",
  severity: "warning",
  docs: {
    summary: "A keyword or value OpenSSH ignores, no longer supports, or has renamed.",
    what: 'Keywords the target release ignores (`Protocol`), logs as "Deprecated option" and ignores (`UsePrivilegeSeparation`, `RSAAuthentication`, `UseLogin`…), cannot honour in this build ("Unsupported option"), or still accepts under an old name (`ChallengeResponseAuthentication` → `KbdInteractiveAuthentication`, `PubkeyAcceptedKeyTypes` → `PubkeyAcceptedAlgorithms`); and the old value `PermitRootLogin without-password` (now `prohibit-password`).',
    why: "An ignored line looks like a setting but does nothing: a hardening guide that still asks for `Protocol 2` or `UsePrivilegeSeparation sandbox` gives false comfort, and ssh prints an error for unsupported client options on every run. Old names keep working but confuse readers: `ChallengeResponseAuthentication no` early in a file silently wins over a later `KbdInteractiveAuthentication yes`, because both set the same option.",
    bad: "Protocol 2\nUsePrivilegeSeparation sandbox\nChallengeResponseAuthentication no",
    good: "KbdInteractiveAuthentication no",
    references: ["OpenSSH 7.4, 7.5, 8.5, 8.7 release notes", "OpenSSH servconf.c (sDeprecated, sIgnore, sUnsupported)", "ssh-knowledge: sources that still demand stale keywords"]
  },
  checkConfig(analysis, context) {
    const release = formatVersion(context.version);
    const program = analysis.kind === "sshd_config" ? "sshd" : "ssh";
    const hits = [];
    for (const [directive, verdict] of analysis.verdicts) {
      if (verdict.problem || !verdict.keyword) continue;
      const facts = verdict.keyword;
      const lower2 = facts.name.toLowerCase();
      const instead = REPLACEMENT[lower2];
      const help = instead ? `Remove it; use ${instead}.` : "Remove it.";
      if (facts.status === "deprecated") {
        hits.push(directiveHit(directive, `${directive.keyword} is deprecated in OpenSSH ${release}: ${program} ignores it${program === "sshd" ? ' and logs "Deprecated option"' : ""}.`, help, directive.keywordRange));
      } else if (facts.status === "ignored") {
        hits.push(directiveHit(directive, `${directive.keyword} does nothing in OpenSSH ${release}: ${program} ignores it silently.`, help, directive.keywordRange));
      } else if (facts.status === "unsupported") {
        hits.push(directiveHit(directive, `${directive.keyword} is not supported by this OpenSSH build: ${program} logs "Unsupported option" and ignores it.`, "Remove it.", directive.keywordRange));
      } else if (facts.aliasOf && facts.aliasOf.toLowerCase() !== lower2) {
        hits.push(directiveHit(directive, `${directive.keyword} is an old name for ${facts.aliasOf}; it still works, but sets the same option as ${facts.aliasOf} (the first of the two wins).`, `Rename it to ${facts.aliasOf}.`, directive.keywordRange));
      } else if (program === "sshd" && lower2 === "permitrootlogin" && directive.args[0]?.value.toLowerCase() === "without-password") {
        hits.push(directiveHit(directive, "without-password is the old name of prohibit-password (renamed in 7.0).", "Write `PermitRootLogin prohibit-password` (or `no`).", directive.args[0].range));
      }
    }
    return hits;
  }
});

// src/rules/config-crypto/effective-directives.ts
var CRYPTO_CONFIG_KINDS = ["sshd_config", "ssh_config"];
function matchCriteria(block) {
  const out = [];
  const args = block.args.map((a) => a.value);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.toLowerCase();
    const eq = arg.indexOf("=");
    if (eq > 0) {
      out.push({ name: arg.slice(0, eq).toLowerCase(), pattern: arg.slice(eq + 1) });
    } else if (["all", "canonical", "final", "invalid-user"].includes(name)) {
      out.push({ name });
    } else {
      const pattern = args[i + 1];
      out.push(pattern === void 0 ? { name } : { name, pattern });
      i++;
    }
  }
  return out;
}
function coversEveryone(block) {
  const keyword = block.keyword.toLowerCase();
  if (keyword === "host") {
    const patterns = block.args.map((a) => a.value);
    return patterns.includes("*") && !patterns.some((p) => p.startsWith("!"));
  }
  const criteria = matchCriteria(block);
  if (criteria.some((c) => c.name === "all")) return true;
  const real = criteria.filter((c) => c.name !== "canonical" && c.name !== "final");
  return real.length > 0 && real.every((c) => c.pattern === "*");
}
function isBroad(block) {
  if (block.keyword.toLowerCase() === "host") return block.args.some((a) => a.value === "*");
  return coversEveryone(block);
}
function effectiveDirectives(analysis, keyOf) {
  const ssh = analysis.kind === "ssh_config";
  const taken = /* @__PURE__ */ new Set();
  const globalTaken = /* @__PURE__ */ new Set();
  const blockIds = /* @__PURE__ */ new Map();
  const out = [];
  for (const entry2 of analysis.tree.entries) {
    const directive = entry2.directive;
    const verdict = analysis.verdicts.get(directive);
    if (!verdict) continue;
    const key = keyOf((verdict.canonical ?? directive.keyword).toLowerCase());
    if (key === void 0) continue;
    if (!verdict.problem && verdict.status !== "active") continue;
    const block = entry2.block;
    const global2 = block === void 0 || ssh && coversEveryone(block);
    let dead;
    if (ssh) {
      if (globalTaken.has(key)) dead = true;
      else if (global2) {
        dead = false;
        globalTaken.add(key);
      } else {
        if (!blockIds.has(block)) blockIds.set(block, blockIds.size);
        const slot = `${blockIds.get(block)}\0${key}`;
        dead = taken.has(slot);
        taken.add(slot);
      }
    } else {
      if (block && !blockIds.has(block)) blockIds.set(block, blockIds.size);
      const slot = `${block ? blockIds.get(block) : "top"}\0${key}`;
      dead = taken.has(slot);
      taken.add(slot);
    }
    if (dead || verdict.problem) continue;
    out.push({ entry: entry2, directive, verdict, key, perPeer: block !== void 0 && !isBroad(block) });
  }
  return out;
}
function algorithmKeyOf(side) {
  return (canonical) => canonical === "hostbasedalgorithms" ? "HostbasedAcceptedAlgorithms" : algorithmKeyword(canonical, side);
}
function algorithmRelease(context) {
  const release = formatVersion(context.version);
  return isAlgorithmRelease(release) ? release : void 0;
}
function releaseAtLeast(release, since) {
  return compareReleases(release, since) >= 0;
}
function listMode(value, release) {
  if (value.startsWith("+")) return "append";
  if (value.startsWith("-") && releaseAtLeast(release, "7.5")) return "remove";
  if (value.startsWith("^") && releaseAtLeast(release, "8.1")) return "prepend";
  return "replace";
}
function algorithmDirectives(analysis, context) {
  const release = algorithmRelease(context);
  if (release === void 0) return [];
  const side = analysis.kind === "sshd_config" ? "server" : "client";
  const out = [];
  for (const found of effectiveDirectives(analysis, algorithmKeyOf(side))) {
    const args = found.directive.args;
    const arg = args[0];
    if (!arg || args.length !== 1) continue;
    const cls = KEYWORD_CLASS[found.key];
    const defaults = defaultAlgorithms(cls, release, side);
    if (!defaults) continue;
    const result = resolveAlgorithmList(found.key, arg.value, release, side);
    if (!result.ok) continue;
    const mode = listMode(arg.value, release);
    const prefix = mode === "replace" ? 0 : 1;
    const raw = found.directive.line.text.slice(arg.range.start, arg.range.end);
    const base = raw === arg.value ? arg.range.start : raw.length === arg.value.length + 2 && raw.slice(1, -1) === arg.value ? arg.range.start + 1 : void 0;
    const elements = [];
    const claimed = /* @__PURE__ */ new Set();
    let at2 = prefix;
    for (const text of arg.value.slice(prefix).split(",")) {
      const range = base === void 0 ? arg.range : { start: base + at2, end: base + at2 + text.length };
      at2 += text.length + 1;
      if (text === "") continue;
      const selects = mode === "remove" ? [] : result.effective.filter((name) => !claimed.has(name) && (name === text || (cls === "key" || cls === "sig") && matchPatternList(name, text) === 1));
      for (const name of selects) claimed.add(name);
      elements.push({ text, range, selects });
    }
    out.push({
      ...found,
      cls,
      side,
      release,
      mode,
      valueRange: arg.range,
      elements,
      effective: result.effective,
      defaults,
      inherited: result.effective.filter((name) => !claimed.has(name))
    });
  }
  return out;
}
function undisputedReasons(name) {
  return assessAlgorithm(name).reasons.filter((r) => !r.disputed && r.severity !== "note");
}
function isWeak(name) {
  return assessAlgorithm(name).status !== "ok";
}
function reasonText(reasons) {
  return reasons.map((r) => r.summary).join("; ");
}
function describeWeak(names) {
  const groups = /* @__PURE__ */ new Map();
  for (const name of names) {
    const reasons = reasonText(undisputedReasons(name));
    groups.set(reasons, [...groups.get(reasons) ?? [], name]);
  }
  return [...groups].map(([reasons, group]) => `${listing(group.map(code))} (${reasons})`).join(", ");
}
function code(text) {
  return `\`${text}\``;
}
function listing(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
var SSHD_MATCH_ALLOWED = ["PubkeyAcceptedAlgorithms", "HostbasedAcceptedAlgorithms", "CASignatureAlgorithms"];
function exceptionAdvice(analysis, keyword) {
  if (analysis.kind === "ssh_config") {
    return "Upgrade the old server, or enable it only for that server in a `Host` block that names it, placed before `Host *`.";
  }
  return SSHD_MATCH_ALLOWED.includes(keyword) ? "Upgrade the old client, or limit the exception to it with a `Match User` / `Match Address` block." : `Upgrade the old client; sshd cannot limit ${keyword} to one client (it is not allowed in \`Match\`).`;
}

// src/rules/config-crypto/weak-algorithm.ts
var weak_algorithm_default = defineConfigRule({
  id: "SSH430",
  alias: "weak-algorithm",
  kinds: CRYPTO_CONFIG_KINDS,
  category: "weak-crypto",
  severity: "warning",
  docs: {
    summary: "An algorithm list that enables broken or weak algorithms (SHA-1, MD5, CBC, 3DES, 1024-bit DH, ssh-rsa, ssh-dss…).",
    what: "Looks at the list OpenSSH actually uses for `Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `HostbasedAcceptedAlgorithms` and `CASignatureAlgorithms` (old spellings included), in sshd_config and ssh_config: the line that takes effect (the first one in its scope; later duplicates are dead and reported elsewhere), with `-` edits applied against the target release's defaults and wildcards expanded. It reports names that every source agrees are weak or broken: SHA-1 key exchange and signatures (`diffie-hellman-group1-sha1`, `diffie-hellman-group14-sha1`, `diffie-hellman-group-exchange-sha1`, `ssh-rsa`, `ssh-rsa-cert-v01@openssh.com`), `ssh-dss`, MD5 and truncated MACs (`hmac-md5*`, `hmac-sha1-96*`), CBC ciphers and 64-bit block ciphers (`3des-cbc`, `aes*-cbc`), the withdrawn `sntrup4591761x25519-sha512@tinyssh.org`.\n\nA name written in the line is pointed at exactly (a wildcard such as `ssh-*` at the pattern that selects it); weak names that a `-` edit leaves from the release's defaults (on releases whose defaults still had `ssh-rsa` (before 8.8) or `diffie-hellman-group14-sha1` (before 8.2)) are reported at the line.\n\nNot reported here: names added with `+` or `^` (the legacy workaround, see SSH431 legacy-algorithm-workaround, which owns them); names only some guides reject, such as `hmac-sha1`, `umac-64`, NIST curves and ECDSA, which OpenSSH still enables by default (SSH433 disputed-algorithm, off by default); the release's own defaults when no line edits them (a stock configuration is never reported); lines inside a `Host`/`Match` block for named peers, which is the recommended way to keep a weak algorithm for one old peer.",
    why: "sshd and ssh negotiate the first algorithm both sides support, so every name in the list can be chosen: by an old or misconfigured peer, or by a client that prefers it. SHA-1 signatures and key exchange hashes are open to chosen-prefix collisions (SHA-1 is a Shambles, 2020), which is why OpenSSH disabled `ssh-rsa` signatures by default in 8.8 and `diffie-hellman-group14-sha1` in 8.2; 1024-bit Diffie-Hellman is within reach of a state-level attacker (Logjam); CBC mode in SSH leaks plaintext (CVE-2008-5161) and 3DES has a 64-bit block (Sweet32). OpenSSH no longer enables any of them by default; a line that does turns them back on for every connection it governs.",
    bad: "Ciphers aes256-ctr,aes128-cbc,3des-cbc\nMACs hmac-sha2-256-etm@openssh.com,hmac-md5",
    good: "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr\nMACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com",
    references: [
      "OpenSSH release notes 7.0 (group1, ssh-dss off), 8.2 (group14-sha1 off), 8.8 (ssh-rsa off)",
      "sshd_config(5), ssh_config(5): Ciphers, MACs, KexAlgorithms, HostKeyAlgorithms, PubkeyAcceptedAlgorithms, CASignatureAlgorithms",
      "ssh-audit ssh2_kexdb.py (fail/warn per algorithm)",
      "CIS Ubuntu 24.04 §5.1.6, 5.1.12, 5.1.15 (weak ciphers, KEX, MACs)",
      "Mozilla OpenSSH guideline (Modern)",
      "Leurent & Peyrin, SHA-1 is a Shambles (2020); Logjam (2015); Sweet32 (2016); CVE-2008-5161"
    ]
  },
  checkConfig(analysis, context) {
    const hits = [];
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.perPeer) continue;
      const keyword = list.key;
      if (list.mode === "replace") {
        for (const element of list.elements) {
          const weak = element.selects.filter(isWeak);
          if (weak.length === 0) continue;
          const exact = weak.length === 1 && element.text === weak[0];
          const them = weak.length === 1 ? "it" : "them";
          const message = exact ? `${keyword} enables ${describeWeak(weak)}; any peer can negotiate it.` : `${keyword}: ${code(element.text)} selects ${describeWeak(weak)}; any peer can negotiate ${them}.`;
          const help = exact ? `Remove ${code(element.text)}. If an old peer still needs it: ${exceptionAdvice(analysis, keyword)}` : `Replace ${code(element.text)} with the exact names you need, leaving out ${listing(weak.map(code))}.`;
          hits.push(directiveHit(list.directive, message, help, element.range));
        }
      } else if (list.mode === "remove") {
        const weak = list.inherited.filter(isWeak);
        if (weak.length === 0) continue;
        hits.push(
          directiveHit(
            list.directive,
            `After this \`-\` edit, ${keyword} still enables ${describeWeak(weak)}, from OpenSSH ${list.release}'s defaults.`,
            `Remove ${weak.length === 1 ? "it" : "them"} too (\`${keyword} -${[...list.elements.map((e) => e.text), ...weak].join(",")}\`), or write the list out in full.`,
            list.valueRange
          )
        );
      }
    }
    return hits;
  }
});

// src/rules/config-crypto/legacy-algorithm-workaround.ts
function legacyPeer(name, peer) {
  const peers = `${peer}s`;
  if (name.startsWith("ssh-rsa")) {
    return `${peers} that can only make or check SHA-1 RSA signatures (OpenSSH before 7.2, and libraries or appliances of that age)`;
  }
  if (name.startsWith("ssh-dss")) return `${peers} that only have a DSA key (OpenSSH disabled DSA by default in 7.0 and removed it in 10.0)`;
  if (name === "diffie-hellman-group1-sha1") return `${peers} that only offer the 1024-bit Oakley group, such as switches, routers and SSH stacks from before 2015`;
  if (name.startsWith("diffie-hellman-group14-sha1")) return `${peers} without SHA-2 key exchange (OpenSSH before 7.3, and libraries or devices of that age)`;
  if (name === "diffie-hellman-group-exchange-sha1") return `very old ${peers} without SHA-2 group exchange`;
  if (name.endsWith("-cbc") || name.includes("-cbc@")) {
    return `${peers} that only speak CBC ciphers, typically network equipment and embedded SSH servers (OpenSSH's server has not offered CBC by default since 6.7, its client since 7.6)`;
  }
  if (name.startsWith("hmac-md5") || name.startsWith("hmac-sha1-96")) return `${peers} from the early 2000s without SHA-2 MACs`;
  return `an old ${peer}`;
}
var legacy_algorithm_workaround_default = defineConfigRule({
  id: "SSH431",
  alias: "legacy-algorithm-workaround",
  kinds: ["ssh_config", "sshd_config"],
  category: "weak-crypto",
  severity: "warning",
  docs: {
    summary: "A `+`/`^` edit that re-enables a weak algorithm for an old peer (`+ssh-rsa`, `+ssh-dss`, `+diffie-hellman-group1-sha1`, `+3des-cbc`, `+aes128-cbc`…), for everyone.",
    what: 'An algorithm list (`Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `HostbasedAcceptedAlgorithms`, `CASignatureAlgorithms`) written as `+names` (append to the defaults) or `^names` (8.1+: put first) where a name (or a wildcard such as `+ssh-rsa*`) brings in an algorithm that every source agrees is weak or broken: `ssh-rsa` and `ssh-rsa-cert-v01@openssh.com` (SHA-1 signatures), `ssh-dss`, `diffie-hellman-group1-sha1`, `diffie-hellman-group14-sha1`, `diffie-hellman-group-exchange-sha1`, `3des-cbc`, `aes*-cbc`, `hmac-md5*`, `hmac-sha1-96*`. Only the line that takes effect is judged. On a release that still enables the name by default (`+ssh-rsa` before 8.8) a `+` line changes nothing and is not reported; `^` still makes it the first choice and is.\n\nThis is the fix that error messages such as "no matching host key type found. Their offer: ssh-rsa" lead to, copied into a global configuration and never removed. This rule owns weak names written in `+`/`^` lists; SSH430 weak-algorithm covers explicit lists and `-` edits, so a name is reported once. Not reported: the same line inside a `Host` or `Match` block for named peers (that is the remedy), and names only some guides reject, such as `+hmac-sha1` (SSH433 disputed-algorithm).',
    why: "A `+` edit keeps the strong defaults first, so two modern peers still negotiate a strong algorithm; but the weak one is now accepted from every peer, not only the old one the line was written for: any peer that prefers it or only offers it gets it without a warning, and nobody notices when the old peer is finally gone. OpenSSH disabled these names by default on purpose (`ssh-rsa` in 8.8, group14-sha1 in 8.2, group1 and DSA in 7.0, CBC in the server in 6.7) and its legacy-options page shows how to re-enable one for the specific host that needs it.",
    bad: "Host *\n    HostKeyAlgorithms +ssh-rsa\n    PubkeyAcceptedAlgorithms +ssh-rsa",
    good: "Host old-switch.example.net\n    HostKeyAlgorithms +ssh-rsa\n    PubkeyAcceptedAlgorithms +ssh-rsa\n\nHost *\n    HashKnownHosts yes",
    references: [
      'OpenSSH 8.8 release notes (ssh-rsa disabled by default; "+ssh-rsa" for specific hosts)',
      "OpenSSH legacy options page (openssh.com/legacy.html): re-enable per host",
      "ssh_config(5), sshd_config(5): the + and ^ list prefixes",
      "ssh-audit ssh2_kexdb.py (fail/warn per algorithm)"
    ]
  },
  checkConfig(analysis, context) {
    const hits = [];
    const ssh = analysis.kind === "ssh_config";
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.perPeer || list.mode !== "append" && list.mode !== "prepend") continue;
      for (const element of list.elements) {
        const prepend = list.mode === "prepend";
        const weak = element.selects.filter((name) => isWeak(name) && (prepend || !list.defaults.includes(name)));
        if (weak.length === 0) continue;
        const names = listing(weak.map(code));
        const reasons = weak.map((name) => reasonText(undisputedReasons(name))).filter((r, i, all) => all.indexOf(r) === i);
        const fresh = weak.some((name) => !list.defaults.includes(name));
        const verb = fresh ? `re-enables ${names}, which OpenSSH ${list.release} leaves out by default${prepend ? ", and prefers it" : ""}` : `makes ${names} the first choice`;
        const peer = legacyPeer(weak[0], ssh ? "server" : "client");
        const scope = ssh ? list.entry.block ? `every host this \`${list.entry.block.keyword} ${list.entry.block.args.map((a) => a.value).join(" ")}\` block matches` : "every host ssh connects to" : "every client of this server";
        const message = `${list.key} ${code(`${list.mode === "append" ? "+" : "^"}${element.text}`)} ${verb} (${reasons.join("; ")}). This is the usual workaround for ${peer}; it applies to ${scope}, not only to that peer.`;
        const help = `${exceptionAdvice(analysis, list.key)} Then remove this line.`;
        hits.push(directiveHit(list.directive, message, help, element.range));
      }
    }
    return hits;
  }
});

// src/rules/config-crypto/terrapin-exposure.ts
var CHACHA = "chacha20-poly1305@openssh.com";
var isCbc = (name) => name.endsWith("-cbc") || name.includes("-cbc@");
var isEtm = (name) => name.endsWith("-etm@openssh.com");
function chosen(list) {
  return [...list.elements.flatMap((e) => e.selects), ...list.mode === "remove" ? list.inherited : []];
}
var terrapin_exposure_default = defineConfigRule({
  id: "SSH432",
  alias: "terrapin-exposure",
  kinds: CRYPTO_CONFIG_KINDS,
  category: "weak-crypto",
  severity: "note",
  docs: {
    summary: "Ciphers chosen for a release before 9.6 that are open to the Terrapin attack (chacha20-poly1305, or CBC with an EtM MAC).",
    what: "On a target release before 9.6, a `Ciphers` line that takes effect and keeps `chacha20-poly1305@openssh.com` (written in it, or left by a `-` edit), or that enables a CBC cipher while the effective `MACs` (the same scope's line, else the global one, else the defaults) include an encrypt-then-MAC (`*-etm@openssh.com`) MAC.\n\nNot reported: a configuration without a `Ciphers` line (the release's defaults are not a choice anyone made, and distributions backported the fix to their stock packages); a `+`/`^` edit that only keeps the default chacha20-poly1305; any target 9.6 or later, where both sides of a connection between 9.6+ peers use strict key exchange and exposure depends only on the peer, which a configuration file cannot tell. The CBC cipher itself is also reported as weak by SSH430/SSH431: this note is about the separate handshake attack.",
    why: 'Terrapin (CVE-2023-48795, December 2023) is a prefix-truncation attack on the SSH handshake: a man-in-the-middle deletes messages at the start of the encrypted channel without either side noticing, which can downgrade the extension negotiation (server-sig-algs, the 9.5 keystroke-timing obfuscation). It works against chacha20-poly1305 and against CBC ciphers combined with EtM MACs. OpenSSH 9.6 added "strict KEX" (`kex-strict-*-v00@openssh.com`), which closes it when both peers support it. Debian (9.2p1-2+deb12u2), Ubuntu and RHEL backported strict KEX to older packages; on such a build only peers without it remain exposed.',
    bad: "# target: OpenSSH 9.2 …\nCiphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr",
    good: "Ciphers aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr",
    references: [
      "terrapin-attack.com; Bäumer, Brinkmann, Schwenk: Terrapin Attack (USENIX Security 2024), CVE-2023-48795",
      "OpenSSH 9.6 release notes (strict KEX)",
      "ssh-audit ssh_audit.py (Terrapin checks)",
      "Debian security tracker, CVE-2023-48795 (fixed in openssh 1:9.2p1-2+deb12u2)"
    ]
  },
  checkConfig(analysis, context) {
    const lists = algorithmDirectives(analysis, context);
    const release = lists[0]?.release;
    if (release === void 0 || releaseAtLeast(release, "9.6")) return [];
    const macsFor = (list) => {
      const macs = lists.filter((l) => l.key === "MACs");
      const found = macs.find((m) => m.entry.block === list.entry.block) ?? macs.find((m) => m.entry.block === void 0 || analysis.kind === "ssh_config" && coversEveryone(m.entry.block));
      return found ? { names: found.effective, from: found } : { names: defaultAlgorithms("mac", release, list.side) ?? [] };
    };
    const hits = [];
    for (const list of lists) {
      if (list.key !== "Ciphers") continue;
      const names = chosen(list);
      const chacha = names.includes(CHACHA);
      const cbc = names.filter(isCbc);
      const macs = macsFor(list);
      const etm = cbc.length > 0 ? macs.names.filter(isEtm) : [];
      const parts = [];
      if (chacha) parts.push(code(CHACHA));
      if (etm.length > 0) {
        const macText = macs.from ? `the encrypt-then-MAC ${etm.length === 1 ? "MAC" : "MACs"} ${listing(etm.map(code))}` : `the encrypt-then-MAC MACs enabled by default (${code(etm[0])}, …)`;
        parts.push(`${listing(cbc.map(code))} with ${macText}`);
      }
      if (parts.length === 0) continue;
      const where = list.elements.find((e) => chacha ? e.selects.includes(CHACHA) : e.selects.some((n) => cbc.includes(n)));
      const related2 = etm.length > 0 && macs.from ? [relatedDirective(macs.from.directive, "the MACs line in effect")] : void 0;
      hits.push(
        directiveHit(
          list.directive,
          `On OpenSSH ${release} (before 9.6: no strict key exchange) ${parts.join(" and ")} ${parts.length > 1 || cbc.length > 1 ? "are" : "is"} open to the Terrapin attack (CVE-2023-48795): a man-in-the-middle can silently drop handshake messages. If this build has the strict-KEX backport (Debian 12, Ubuntu and RHEL security updates), only peers older than 9.6 are exposed.`,
          `Upgrade to OpenSSH 9.6 or later (or a vendor build with the strict-KEX fix) on both ends; until then leave out ${chacha ? code(CHACHA) : "the CBC ciphers"}${chacha && etm.length > 0 ? " and the CBC ciphers" : ""}, e.g. \`Ciphers aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes128-ctr\`.`,
          where?.range ?? list.valueRange,
          related2
        )
      );
    }
    return hits;
  }
});

// src/rules/config-crypto/disputed-algorithm.ts
var DISPUTES = {
  "hmac-sha1": "SHA-1 based: ssh-audit fails it and Mozilla leaves it out; no practical attack on HMAC-SHA1 is known, CIS allows it and OpenSSH still enables it by default",
  "tag-64": "64-bit tag: ssh-audit and CIS call it weak and Mozilla leaves it out; OpenSSH still enables it by default",
  "encrypt-and-mac": "encrypt-and-MAC rather than encrypt-then-MAC: ssh-audit warns; Mozilla, CIS and OpenSSH's defaults accept it",
  "dh-2048": "2048-bit group (about 112-bit strength): ssh-audit warns; CIS and OpenSSH's client defaults accept it",
  "nist-curve": "NIST P-curve: ssh-audit fails it as possibly back-doored; CIS, Mozilla and OpenSSH's defaults accept it",
  "random-nonce": "signatures with a random nonce (ECDSA): ssh-audit warns that a weak random number generator leaks the key; CIS, Mozilla and OpenSSH's defaults accept it",
  experimental: "experimental, not standardised: ssh-audit warns; OpenSSH ships it but does not enable it by default"
};
function disputes(name) {
  const assessment = assessAlgorithm(name);
  if (assessment.status !== "ok") return [];
  return assessment.reasons.filter((r) => r.disputed && r.severity !== "note" && r.code !== "not-post-quantum").map((r) => DISPUTES[r.code] ?? `${r.summary} (${r.sources.join(", ")})`);
}
function grouped(names) {
  const groups = /* @__PURE__ */ new Map();
  for (const name of names) {
    const text = disputes(name).join("; ");
    groups.set(text, [...groups.get(text) ?? [], name]);
  }
  return [...groups].map(([text, group]) => `${listing(group.map(code))} (${text})`).join("; ");
}
var disputed_algorithm_default = defineConfigRule({
  id: "SSH433",
  alias: "disputed-algorithm",
  kinds: CRYPTO_CONFIG_KINDS,
  category: "weak-crypto",
  severity: "note",
  enabledByDefault: false,
  docs: {
    summary: "An algorithm list that enables names only some guides reject (NIST curves, ECDSA, hmac-sha1, umac-64, non-EtM MACs, 2048-bit DH).",
    what: "Off by default: turn it on to hold a configuration to ssh-audit's stricter view. For the line that takes effect of each algorithm keyword (`Ciphers`, `MACs`, `KexAlgorithms`, `HostKeyAlgorithms`, `PubkeyAcceptedAlgorithms`, `HostbasedAcceptedAlgorithms`, `CASignatureAlgorithms`), it reports names the sources disagree on, and says who disagrees: `ecdh-sha2-nistp*` and `ecdsa-sha2-nistp*` (NIST curves, random-nonce signatures), `hmac-sha1` and `hmac-sha1-etm@openssh.com`, `umac-64*`, encrypt-and-MAC MACs (`hmac-sha2-256`, `umac-128@openssh.com`), `diffie-hellman-group14-sha256`, experimental names.\n\nNames written in the line are pointed at; names a `-` edit leaves from the defaults are reported at the line. The defaults of a configuration that does not set the keyword are never reported (OpenSSH enables several of these names by default). Names weak by every source's account are SSH430/SSH431's; \"not post-quantum\" is SSH434's, about the key exchange list as a whole; lines in a `Host`/`Match` block for named peers are left alone.",
    why: "These algorithms have no practical attack today and OpenSSH, CIS and Mozilla accept most of them; ssh-audit fails or warns on them (NIST curves as possibly back-doored, ECDSA for its random nonces, SHA-1 even in HMAC, short or encrypt-and-MAC tags). Dropping them costs compatibility with some peers (old clients, hardware tokens and appliances that only do ECDSA or NIST ECDH), so whether to is a policy decision.",
    bad: "KexAlgorithms curve25519-sha256,ecdh-sha2-nistp256\nMACs hmac-sha2-256-etm@openssh.com,umac-64-etm@openssh.com",
    good: "KexAlgorithms mlkem768x25519-sha256,sntrup761x25519-sha512,curve25519-sha256\nMACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com",
    references: [
      "ssh-audit ssh2_kexdb.py and hardening guides",
      "Mozilla OpenSSH guideline (Modern)",
      "CIS Ubuntu 24.04 §5.1.6, 5.1.12, 5.1.15 (via ComplianceAsCode)",
      "OpenSSH myproposal.h (default lists)"
    ]
  },
  checkConfig(analysis, context) {
    const hits = [];
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.perPeer) continue;
      for (const element of list.elements) {
        const named4 = element.selects.filter((name) => disputes(name).length > 0);
        if (named4.length === 0) continue;
        hits.push(
          directiveHit(
            list.directive,
            `${list.key} enables ${grouped(named4)}.`,
            `If your policy follows ssh-audit, remove ${listing(named4.map(code))}; otherwise this is acceptable (OpenSSH enables several of these by default).`,
            element.range
          )
        );
      }
      if (list.mode === "remove") {
        const left = list.inherited.filter((name) => disputes(name).length > 0);
        if (left.length === 0) continue;
        hits.push(
          directiveHit(
            list.directive,
            `After this \`-\` edit, ${list.key} still enables, from OpenSSH ${list.release}'s defaults: ${grouped(left)}.`,
            `If your policy follows ssh-audit, remove ${left.length === 1 ? "it" : "them"} as well, or write the list out in full.`,
            list.valueRange
          )
        );
      }
    }
    return hits;
  }
});

// src/rules/config-crypto/post-quantum-kex-missing.ts
function isPostQuantum(name) {
  return name.startsWith("mlkem") || name.startsWith("sntrup761");
}
var post_quantum_kex_missing_default = defineConfigRule({
  id: "SSH434",
  alias: "post-quantum-kex-missing",
  kinds: CRYPTO_CONFIG_KINDS,
  category: "weak-crypto",
  severity: "note",
  docs: {
    summary: "A KexAlgorithms line that leaves out every post-quantum key exchange on a release that enables one by default (9.0+).",
    what: "On a target release of 9.0 or later (sntrup761x25519-sha512@openssh.com became the default that year; mlkem768x25519-sha256 exists from 9.9 and is the default from 10.0), the `KexAlgorithms` line that takes effect yields a list without any hybrid post-quantum key exchange: an explicit list written before they existed or copied from an old hardening guide, or a `-` edit that removes them.\n\nNever reported on a configuration that does not set `KexAlgorithms` (the defaults include them), for a `+`/`^` edit (it keeps the defaults), or inside a `Host`/`Match` block for named peers (an old peer that cannot do them). A non-post-quantum name next to a post-quantum one is a normal fallback and not reported.",
    why: 'A key exchange that is not post-quantum can be recorded today and decrypted once a large quantum computer exists ("store now, decrypt later"). OpenSSH made a hybrid post-quantum exchange its default in 9.0, and from 10.1 ssh warns on every connection that does not use one ("WARNING: connection is not using a post-quantum key exchange algorithm"). The hybrids combine the post-quantum KEM with X25519, so they are never weaker than curve25519-sha256 alone; peers that lack them fall back to the next name in the list.',
    bad: "KexAlgorithms curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512",
    good: "KexAlgorithms mlkem768x25519-sha256,sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org",
    references: [
      "OpenSSH 9.0 release notes (sntrup761x25519-sha512@openssh.com by default)",
      "OpenSSH 9.9 and 10.0 release notes (mlkem768x25519-sha256, default in 10.0)",
      "OpenSSH 10.1 release notes (WarnWeakCrypto: warning for non-post-quantum key exchange)",
      "openssh.com/pq.html (post-quantum cryptography in OpenSSH)",
      "ssh-audit ssh2_kexdb.py (not post-quantum safe)"
    ]
  },
  checkConfig(analysis, context) {
    const hits = [];
    for (const list of algorithmDirectives(analysis, context)) {
      if (list.key !== "KexAlgorithms" || list.perPeer || list.mode === "append" || list.mode === "prepend") continue;
      if (!releaseAtLeast(list.release, "9.0") || list.effective.some(isPostQuantum)) continue;
      const mlkem = isKnownAlgorithm("kex", "mlkem768x25519-sha256", list.release);
      const recommended = mlkem ? "mlkem768x25519-sha256" : "sntrup761x25519-sha512@openssh.com";
      const warns = analysis.kind === "ssh_config" ? releaseAtLeast(list.release, "10.1") ? " ssh warns about it on every connection." : "" : " ssh 10.1 and later warn about it on every connection.";
      const names = `${code(recommended)}${mlkem ? " (and `sntrup761x25519-sha512@openssh.com` for 9.0–9.8 peers)" : ""}`;
      const fix = list.mode === "remove" ? `Stop removing ${names} from the defaults` : `Put ${names} first in the list`;
      hits.push(
        directiveHit(
          list.directive,
          `KexAlgorithms leaves out every post-quantum key exchange that OpenSSH ${list.release} offers by default, so sessions can be recorded now and decrypted by a future quantum computer.${warns}`,
          `${fix}; peers without them fall back to the next name.`,
          list.valueRange
        )
      );
    }
    return hits;
  }
});

// src/rules/config-crypto/required-rsa-size-low.ts
var OPENSSH_FLOOR = 1024;
var required_rsa_size_low_default = defineConfigRule({
  id: "SSH435",
  alias: "required-rsa-size-low",
  kinds: CRYPTO_CONFIG_KINDS,
  category: "weak-crypto",
  severity: "note",
  docs: {
    summary: "RequiredRSASize set below the policy minimum for RSA keys (2048 bits by default).",
    what: "`RequiredRSASize` (9.1+, sshd and ssh) set, on the line that takes effect, to fewer bits than `policy.minRsaBits` (default 2048). A value below 1024 changes nothing at all: OpenSSH never loads an RSA key under 1024 bits. Not setting the keyword is not reported (the default, 1024, is the release's choice).",
    why: 'sshd refuses user and host-based keys, and ssh refuses server host keys, that are shorter than `RequiredRSASize` ("refusing RSA key"). The line was written to set a floor, and this one lets RSA keys that no longer give adequate security through: NIST has disallowed RSA under 2048 bits since 2014, and ssh-audit\'s hardening guides set `RequiredRSASize 3072`.',
    bad: "RequiredRSASize 1024",
    good: "RequiredRSASize 3072",
    references: [
      "sshd_config(5), ssh_config(5): RequiredRSASize (OpenSSH 9.1)",
      "OpenSSH sshkey.c sshkey_check_rsa_length(), sshkey.h SSH_RSA_MINIMUM_MODULUS_SIZE",
      "NIST SP 800-131A (RSA below 2048 bits disallowed)",
      "ssh-audit hardening guides (RequiredRSASize 3072)"
    ]
  },
  checkConfig(analysis, context) {
    const minimum = context.policy.minRsaBits;
    const hits = [];
    for (const found of effectiveDirectives(analysis, (k) => k === "requiredrsasize" ? "RequiredRSASize" : void 0)) {
      if (found.perPeer) continue;
      const arg = found.directive.args[0];
      if (!arg || found.directive.args.length !== 1 || !/^\d+$/.test(arg.value)) continue;
      const bits = Number(arg.value);
      if (bits >= minimum) continue;
      const whose = analysis.kind === "sshd_config" ? "client keys" : "host and identity keys";
      const accepted = Math.max(bits, OPENSSH_FLOOR);
      const effect = bits < OPENSSH_FLOOR ? `and changes nothing: OpenSSH never loads RSA keys under ${OPENSSH_FLOOR} bits anyway, so RSA ${whose} from ${OPENSSH_FLOOR} bits are accepted` : `(policy.minRsaBits): RSA ${whose} from ${bits} bits are accepted`;
      const risk = accepted < 2048 ? ", and RSA under 2048 bits no longer gives adequate security" : "";
      hits.push(
        directiveHit(
          found.directive,
          `RequiredRSASize ${bits} is below the ${minimum}-bit minimum ${effect}${risk}.`,
          `Raise it to at least ${Math.max(minimum, 2048)} (ssh-audit recommends 3072), after checking that no RSA key in use is shorter.`,
          arg.range
        )
      );
    }
    return hits;
  }
});

// src/rules/secrets/private-key-in-key-file.ts
var private_key_in_key_file_default = defineKeyFileRule({
  id: "SSH600",
  alias: "private-key-exposed",
  kinds: KEY_FILE_KINDS,
  category: "secret-exposure",
  severity: "error",
  docs: {
    summary: "A private key is committed to the repository.",
    what: "A private key block (OpenSSH `-----BEGIN OPENSSH PRIVATE KEY-----`, PEM RSA/DSA/EC, PKCS#8, or a PuTTY `.ppk`) found in a file. sshlint never prints key material, only where it is.",
    why: "Anyone who can read the repository, its forks, clones, CI caches or history can log in as the key's owner. Removing the file in a later commit does not remove it from history.",
    bad: `# authorized_keys
-----BEGIN OPENSSH PRIVATE KEY-----
…
-----END OPENSSH PRIVATE KEY-----`,
    good: `# authorized_keys
${ED25519_EXAMPLE} deploy@ci`,
    references: ["Mozilla OpenSSH guidelines: never copy private keys off the machine", "ComplianceAsCode ssh_keys_passphrase_protected"]
  },
  check(model) {
    const hits = [];
    for (const block of model.blocks) {
      if (block.kind !== "private-key" && block.kind !== "putty-private-key") continue;
      hits.push({
        line: block.firstLine,
        column: 1,
        endLine: block.lastLine,
        endColumn: (model.source.lines[block.lastLine - 1]?.text.length ?? 0) + 1,
        message: `A private key (${block.label}) is committed here (lines ${block.firstLine}–${block.lastLine}); anyone with read access to the repository can use it.`,
        help: "Remove it, rotate the key (it is compromised), purge it from history, and commit only the public key."
      });
    }
    return hits;
  }
});

// src/rules/index.ts
var RULES = [
  unreadable_file_default,
  unused_suppression_default,
  unparseable_line_default,
  unknown_key_type_default,
  invalid_key_data_default,
  key_type_mismatch_default,
  key_split_across_lines_default,
  space_in_key_data_default,
  byte_order_mark_default,
  pasted_key_block_default,
  crlf_line_endings_default,
  key_dsa_default,
  key_rsa_weak_default,
  key_ecdsa_default,
  experimental_key_type_default,
  certificate_as_key_default,
  duplicate_key_default,
  no_usable_keys_default,
  nonstandard_key_label_default,
  unknown_option_default,
  space_in_options_default,
  option_quoting_default,
  duplicate_option_default,
  invalid_option_value_default,
  principals_without_cert_authority_default,
  key_expired_default,
  invalid_from_pattern_default,
  unrestricted_forced_command_default,
  environment_option_ignored_default,
  sk_option_on_non_sk_key_default,
  cert_authority_without_principals_default,
  invalid_marker_default,
  bad_hash_default,
  ssh1_key_default,
  port_syntax_default,
  ca_too_broad_default,
  conflicting_keys_default,
  unhashed_default,
  hash_never_matches_default,
  file_contents_default,
  certificate_validity_default,
  certificate_signed_with_ssh_rsa_default,
  unknown_keyword_default,
  missing_argument_default,
  invalid_quotes_default,
  invalid_value_default,
  extra_arguments_default,
  not_allowed_in_match_default,
  invalid_match_default,
  invalid_algorithm_list_default,
  unsupported_on_build_default,
  include_loop_default,
  include_outside_repository_default,
  deprecated_keyword_default,
  weak_algorithm_default,
  legacy_algorithm_workaround_default,
  terrapin_exposure_default,
  disputed_algorithm_default,
  post_quantum_kex_missing_default,
  required_rsa_size_low_default,
  private_key_in_key_file_default
];

// src/engine/rule-set.ts
function buildRuleSet(rules, config) {
  const names = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    names.set(rule.id.toLowerCase(), rule);
    names.set(rule.alias.toLowerCase(), rule);
  }
  const resolve = (name) => names.get(name.toLowerCase())?.id;
  const settings = /* @__PURE__ */ new Map();
  for (const [name, setting] of Object.entries(config.rules)) {
    const id = resolve(name);
    if (!id) throw new ConfigError(`${config.file ?? "config"}: unknown rule "${name}" (see \`sshlint rules\`)`);
    settings.set(id, setting);
  }
  const enabled = [];
  for (const rule of rules) {
    const setting = settings.get(rule.id);
    if (setting === "off") continue;
    if (setting === void 0 && rule.enabledByDefault === false) continue;
    enabled.push({ rule, severity: setting === void 0 || setting === "on" ? rule.severity : setting });
  }
  const byId = new Map(enabled.map((entry2) => [entry2.rule.id, entry2]));
  return { enabled, resolve, byId: (id) => byId.get(id) };
}

// src/engine/sniff-kind.ts
function sniffKind(source, version) {
  const byArmour = kindFromContent(source.text.slice(0, CONTENT_SNIFF_BYTES));
  if (byArmour) return byArmour;
  const first = source.lines.find((line) => line.text.trim() !== "" && !line.text.trimStart().startsWith("#"));
  if (!first) return void 0;
  if (parseAuthorizedKeysLine(first.text, version).status === "parsed") return "authorized_keys";
  if (parseKnownHostsLine(first.text, version).status === "parsed") return "known_hosts";
  return void 0;
}

// src/engine/lint-files.ts
var UNREADABLE_FILE = "SSH001";
var READ_CONCURRENCY = 16;
async function lintPaths(paths, options) {
  const ruleSet = buildRuleSet(RULES, options.config);
  const context = {
    version: options.config.opensshVersion,
    policy: options.config.policy,
    now: options.now ?? Math.floor(Date.now() / 1e3)
  };
  const discovery = await discoverFiles(paths, {
    cwd: options.cwd,
    ignore: options.config.ignore,
    ...options.kind ? { kind: options.kind } : {}
  });
  const findings = [];
  const note = (file, message) => {
    const reporter = ruleSet.byId(UNREADABLE_FILE);
    if (reporter) findings.push(toFinding(reporter, file, { line: 1, column: 1, message }));
  };
  for (const skipped of discovery.notes) note(skipped.displayPath, skipped.message);
  const candidates = discovery.files.filter((file) => file.kind !== void 0 || file.explicit);
  let scanned = 0;
  const configModels = [];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  await forEachConcurrently(candidates, READ_CONCURRENCY, async (file) => {
    const source = await readSource(file, maxBytes, note);
    if (!source) return;
    scanned++;
    const kind = file.kind ?? sniffKind(source, context.version);
    if (!kind) note(file.displayPath, "Skipped: sshlint cannot tell what kind of SSH file this is; name it conventionally or pass --kind.");
    else if (kind === "sshd_config" || kind === "ssh_config") configModels.push(parseConfigFile(source, kind));
    else findings.push(...lintSource(source, kind, ruleSet, context));
  });
  configModels.sort((a, b) => a.source.path < b.source.path ? -1 : 1);
  findings.push(
    ...await lintConfigTrees(configModels, ruleSet, context, {
      cwd: options.cwd,
      root: configRoot(paths, options.cwd),
      loadExtra: async (displayPath, kind) => {
        const source = await readSource({ absPath: path7.resolve(options.cwd, displayPath), displayPath }, maxBytes, note);
        return source && parseConfigFile(source, kind);
      }
    })
  );
  findings.sort(compareFindings);
  return { findings, filesScanned: scanned, rules: ruleSet.enabled.map((entry2) => entry2.rule) };
}
async function readSource(file, maxBytes, note) {
  const read = await readTextFile(file.absPath, { maxBytes });
  if (!read.ok) {
    note(file.displayPath, `Skipped: ${read.message}.`);
    return void 0;
  }
  return createSourceFile(file.displayPath, read.text, read.hasBom);
}
async function forEachConcurrently(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// src/report/github.ts
var COMMAND = { error: "error", warning: "warning", note: "notice" };
function annotationFields(finding) {
  const singleLine = finding.endLine === void 0 || finding.endLine === finding.line;
  const fields = { title: annotationTitle(finding), file: finding.file, startLine: finding.line };
  if (finding.endLine !== void 0) fields.endLine = finding.endLine;
  if (singleLine) {
    fields.startColumn = finding.column;
    if (finding.endColumn !== void 0) fields.endColumn = finding.endColumn;
  }
  return fields;
}
function annotationTitle(finding) {
  return `${finding.ruleId} ${finding.alias}`;
}
function annotationMessage(finding) {
  return finding.help === void 0 ? finding.message : `${finding.message}
help: ${finding.help}`;
}
function formatGithub(result) {
  return [...result.findings].sort(compareFindings).map((finding) => `${annotation(finding)}
`).join("");
}
function annotation(finding) {
  const fields = annotationFields(finding);
  const properties = [
    ["file", fields.file],
    ["line", fields.startLine],
    ["col", fields.startColumn],
    ["endLine", fields.endLine],
    ["endColumn", fields.endColumn],
    ["title", fields.title]
  ];
  const propertyText = properties.filter((entry2) => entry2[1] !== void 0).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(",");
  return `::${COMMAND[finding.severity]} ${propertyText}::${escapeData(annotationMessage(finding))}`;
}
function escapeData(text) {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// src/report/report-options.ts
var TOOL_NAME = "sshlint";

// src/report/json.ts
var JSON_REPORT_VERSION = 1;
function formatJson(result, options) {
  const document = {
    version: JSON_REPORT_VERSION,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    filesScanned: result.filesScanned,
    findings: [...result.findings].sort(compareFindings).map(jsonFinding)
  };
  return `${JSON.stringify(document).replace(/[\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`)}
`;
}
function jsonFinding(finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    category: finding.category,
    file: finding.file,
    ...jsonSpan(finding),
    message: finding.message,
    ...finding.help === void 0 ? {} : { help: finding.help },
    alias: finding.alias,
    ...finding.related?.length ? { related: finding.related.map(jsonRelated) } : {}
  };
}
function jsonRelated(related2) {
  return { file: related2.file, ...jsonSpan(related2), message: related2.message };
}
function jsonSpan(span) {
  return {
    line: span.line,
    column: span.column,
    ...span.endLine === void 0 ? {} : { endLine: span.endLine },
    ...span.endColumn === void 0 ? {} : { endColumn: span.endColumn }
  };
}

// src/report/sarif.ts
import { createHash as createHash3 } from "node:crypto";

// src/report/sarif-rules.ts
var SECURITY_SEVERITY = {
  "secret-exposure": { error: 9, warning: 7.5, note: 5 },
  "unsafe-setting": { error: 8, warning: 5.5, note: 3 },
  "weak-crypto": { error: 7, warning: 5, note: 3 }
};
function sarifRule(meta) {
  const helpUri = ruleDocsUrl(meta);
  const securitySeverity = SECURITY_SEVERITY[meta.category]?.[meta.severity];
  return {
    id: meta.id,
    name: meta.alias,
    shortDescription: { text: meta.docs.summary },
    fullDescription: { text: meta.docs.what },
    help: { text: helpText(meta.docs), markdown: helpMarkdown(meta.docs, helpUri) },
    helpUri,
    defaultConfiguration: { level: meta.severity },
    properties: {
      tags: securitySeverity === void 0 ? [meta.category] : [meta.category, "security"],
      ...securitySeverity === void 0 ? {} : { "security-severity": securitySeverity.toFixed(1) }
    }
  };
}
function sarifRuleFromFinding(finding) {
  return {
    id: finding.ruleId,
    name: finding.alias,
    shortDescription: { text: finding.alias },
    defaultConfiguration: { level: finding.severity },
    properties: { tags: [finding.category] }
  };
}
function helpText(docs) {
  const indent = (example) => withoutFinalNewline(example).replace(/^/gm, "    ");
  return [docs.what, `Why it matters: ${docs.why}`, `Bad:
${indent(docs.bad)}`, `Good:
${indent(docs.good)}`].join("\n\n");
}
function helpMarkdown(docs, helpUri) {
  const sections = [
    docs.what,
    `**Why it matters:** ${docs.why}`,
    `Bad:

${fenced(docs.bad)}`,
    `Good:

${fenced(docs.good)}`
  ];
  if (docs.references.length > 0) sections.push(`References:

${docs.references.map((reference) => `- ${reference}`).join("\n")}`);
  sections.push(`[Rule documentation](${helpUri})`);
  return sections.join("\n\n");
}
function fenced(example) {
  const longestRun = Math.max(0, ...(example.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}text
${withoutFinalNewline(example)}
${fence}`;
}
function withoutFinalNewline(text) {
  return text.replace(/\n$/, "");
}

// src/report/sarif.ts
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var SARIF_MAX_RESULTS = 25e3;
var FINGERPRINT_KEY = "sshlintFindingHash/v1";
function formatSarif(result, options) {
  const rules = result.rules.map(sarifRule);
  const ruleIndex = new Map(result.rules.map((meta, index) => [meta.id, index]));
  for (const finding of result.findings) {
    if (ruleIndex.has(finding.ruleId)) continue;
    ruleIndex.set(finding.ruleId, rules.length);
    rules.push(sarifRuleFromFinding(finding));
  }
  const fingerprinted = withFingerprints([...result.findings].sort(compareFindings));
  const kept = keepMostSevere(fingerprinted, SARIF_MAX_RESULTS);
  const run = {
    tool: { driver: { name: TOOL_NAME, version: options.toolVersion, informationUri: PROJECT_URL, rules } },
    ...kept.length < fingerprinted.length ? { invocations: [truncationInvocation(kept.length, fingerprinted.length)] } : {},
    results: kept.map(({ finding, fingerprint }) => ({
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId),
      level: finding.severity,
      message: { text: finding.message },
      locations: [{ physicalLocation: physicalLocation(finding.file, finding) }],
      ...finding.related?.length ? {
        relatedLocations: finding.related.map((related2, index) => ({
          id: index + 1,
          physicalLocation: physicalLocation(related2.file, related2),
          message: { text: related2.message }
        }))
      } : {},
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprint }
    }))
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] }, null, 2)}
`;
}
function withFingerprints(sorted) {
  const occurrences = /* @__PURE__ */ new Map();
  return sorted.map((finding) => {
    const identity2 = JSON.stringify([finding.ruleId, finding.file, finding.message.replace(/\d+/g, "#")]);
    const occurrence = occurrences.get(identity2) ?? 0;
    occurrences.set(identity2, occurrence + 1);
    const fingerprint = createHash3("sha256").update(`${identity2}#${occurrence}`).digest("hex").slice(0, 32);
    return { finding, fingerprint };
  });
}
function keepMostSevere(sorted, limit) {
  if (sorted.length <= limit) return sorted;
  const keptIndexes = sorted.map((entry2, index) => ({ rank: severityRank(entry2.finding.severity), index })).sort((a, b) => b.rank - a.rank || a.index - b.index).slice(0, limit).map(({ index }) => index).sort((a, b) => a - b);
  return keptIndexes.map((index) => sorted[index]);
}
function truncationInvocation(kept, total) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: [
      {
        descriptor: { id: "results-truncated" },
        level: "warning",
        message: {
          text: `${total} findings, but GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} results per run: reported the ${kept} most severe, dropped ${total - kept}. Run sshlint with another format to see them all.`
        }
      }
    ]
  };
}
function physicalLocation(file, span) {
  return {
    artifactLocation: { uri: relativeUri(file), uriBaseId: "%SRCROOT%" },
    region: {
      startLine: span.line,
      startColumn: span.column,
      ...span.endLine === void 0 ? {} : { endLine: span.endLine },
      ...span.endColumn === void 0 ? {} : { endColumn: span.endColumn }
    }
  };
}
function relativeUri(displayPath) {
  return displayPath.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "�").split("/").map((segment) => encodeURIComponent(segment)).join("/");
}

// src/report/text.ts
function formatText(result, options = {}) {
  const style = options.color ? ANSI_STYLE : PLAIN_STYLE;
  const findings = [...result.findings].sort(compareFindings);
  const lines = [];
  findings.forEach((finding, index) => {
    if (finding.file !== findings[index - 1]?.file) {
      if (index > 0) lines.push("");
      lines.push(style.file(printable(finding.file)));
    }
    lines.push(...findingLines(finding, style));
  });
  if (findings.length > 0) lines.push("");
  lines.push(style.summary(summary(result)));
  return `${lines.join("\n")}
`;
}
function findingLines(finding, style) {
  const location = `${printable(finding.file)}:${finding.line}:${finding.column}`;
  const lines = [`${location} ${style[finding.severity](finding.severity)} ${printable(finding.message)} ${style.rule(`[${finding.ruleId} ${finding.alias}]`)}`];
  if (finding.help !== void 0) lines.push(`  help: ${printable(finding.help)}`);
  for (const related2 of finding.related ?? []) {
    lines.push(`  related: ${printable(related2.file)}:${related2.line}:${related2.column} ${printable(related2.message)}`);
  }
  return lines;
}
function summary(result) {
  const files = count(result.filesScanned, "file");
  if (result.findings.length === 0) return `no problems found in ${files}`;
  const bySeverity = (severity) => result.findings.filter((finding) => finding.severity === severity).length;
  return `${count(bySeverity("error"), "error")}, ${count(bySeverity("warning"), "warning")}, ${count(bySeverity("note"), "note")} in ${files}`;
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
var UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
var NAMED_ESCAPES = { "	": "\\t", "\n": "\\n", "\r": "\\r" };
function printable(text) {
  return text.replace(UNPRINTABLE, (char) => {
    const code3 = char.charCodeAt(0);
    return NAMED_ESCAPES[char] ?? (code3 < 256 ? `\\x${code3.toString(16).padStart(2, "0")}` : `\\u{${code3.toString(16)}}`);
  });
}
var sgr = (open2, close) => (text) => `\x1B[${open2}m${text}\x1B[${close}m`;
var ANSI_STYLE = {
  error: sgr(31, 39),
  warning: sgr(33, 39),
  note: sgr(36, 39),
  file: sgr(4, 24),
  rule: sgr(2, 22),
  summary: sgr(1, 22)
};
var identity = (text) => text;
var PLAIN_STYLE = { error: identity, warning: identity, note: identity, file: identity, rule: identity, summary: identity };

// src/report/index.ts
var FORMATS = ["text", "json", "sarif", "github"];
var REPORTERS = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub
};
function formatResult(format, result, options) {
  return REPORTERS[format](result, options);
}

// src/version.ts
var TOOL_VERSION = true ? "0.1.0" : "0.0.0-dev";

// src/cli/arguments.ts
import { parseArgs } from "node:util";
function parseCommand(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: "string", short: "f" },
        "fail-on": { type: "string" },
        config: { type: "string", short: "c" },
        kind: { type: "string" },
        "openssh-version": { type: "string" },
        debug: { type: "boolean" },
        color: { type: "boolean" },
        "no-color": { type: "boolean" },
        version: { type: "boolean", short: "v" },
        help: { type: "boolean", short: "h" }
      }
    });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { name: "help" };
  if (values.version) return { name: "version" };
  const [first, ...rest] = positionals;
  if (first === "rules") return { name: "rules", format: values.format === "json" ? "json" : "text" };
  if (first === "explain") {
    if (rest.length !== 1) throw new UsageError("usage: sshlint explain RULE (an id such as SSH104, or an alias)");
    return { name: "explain", rule: rest[0] };
  }
  const format = values.format ?? "text";
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const failOn = values["fail-on"] ?? "error";
  if (failOn !== "none" && !SEVERITIES.includes(failOn)) {
    throw new UsageError(`--fail-on must be one of ${[...SEVERITIES, "none"].join(", ")}`);
  }
  if (values.kind !== void 0 && !isUserKind(values.kind)) throw new UsageError(`--kind must be one of ${USER_KINDS.join(", ")}`);
  const command = {
    name: "lint",
    paths: positionals.length > 0 ? positionals : ["."],
    format,
    failOn,
    debug: values.debug ?? false
  };
  if (values.config !== void 0) command.config = values.config;
  if (values.kind !== void 0) command.kind = values.kind;
  if (values["openssh-version"] !== void 0) command.opensshVersion = values["openssh-version"];
  if (values.color) command.color = true;
  if (values["no-color"]) command.color = false;
  return command;
}
var HELP2 = `sshlint — static analysis for SSH configuration and keys

Usage:
  sshlint [options] [PATH...]   analyse files and directories (default: .)
  sshlint rules [--format json] list the rules
  sshlint explain RULE          a rule's documentation (id such as SSH104, or alias)

Options:
  -f, --format FORMAT        text (default), json, sarif, github
      --fail-on LEVEL        exit 1 when a finding is at least: error (default), warning, note, none
  -c, --config FILE          configuration file (default: .sshlint.yml or .github/sshlint.yml)
      --kind KIND            treat the named files as: ${USER_KINDS.join(", ")}
      --openssh-version X.Y  the OpenSSH release to check against (default: the newest known)
      --color, --no-color    force colour on or off (default: on a terminal, unless NO_COLOR)
      --debug                stack traces on internal errors
  -v, --version              print the version
  -h, --help                 this help

Exit status: 0 no finding at or above --fail-on, 1 there is one, 2 usage or internal error.
`;

// src/cli/run-cli.ts
var EXIT_OK = 0;
var EXIT_FINDINGS = 1;
var EXIT_FAILURE = 2;
function failsOn(findings, failOn) {
  if (failOn === "none") return false;
  return findings.some((finding) => severityRank(finding.severity) >= severityRank(failOn));
}
async function runCli(argv, io) {
  let debug = argv.includes("--debug");
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case "help":
        io.stdout(HELP2);
        return EXIT_OK;
      case "version":
        io.stdout(`${TOOL_VERSION}
`);
        return EXIT_OK;
      case "rules":
        io.stdout(command.format === "json" ? `${JSON.stringify(RULES, null, 2)}
` : listRules());
        return EXIT_OK;
      case "explain": {
        const wanted = command.rule.toLowerCase();
        const rule = RULES.find((r) => r.id.toLowerCase() === wanted || r.alias === wanted);
        if (!rule) throw new UsageError(`no rule "${command.rule}" (see \`sshlint rules\`)`);
        io.stdout(explainRule(rule));
        return EXIT_OK;
      }
      case "lint": {
        debug = command.debug;
        const config = loadConfig(io.cwd, command.config === void 0 ? void 0 : path8.resolve(io.cwd, command.config));
        if (command.opensshVersion !== void 0) config.opensshVersion = readVersion("--openssh-version", command.opensshVersion);
        const result = await lintPaths(command.paths, { cwd: io.cwd, config, ...command.kind ? { kind: command.kind } : {} });
        io.stdout(formatResult(command.format, result, { toolVersion: TOOL_VERSION, color: command.color ?? io.colorByDefault }));
        return failsOn(result.findings, command.failOn) ? EXIT_FINDINGS : EXIT_OK;
      }
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`sshlint: ${error.message}
`);
    } else {
      io.stderr(`sshlint: internal error: ${error?.message ?? String(error)}
`);
      if (debug) io.stderr(`${error?.stack ?? ""}
`);
      else io.stderr("Run again with --debug for details, and please report it.\n");
    }
    return EXIT_FAILURE;
  }
}
function listRules() {
  const width = Math.max(...RULES.map((rule) => rule.alias.length));
  return `${RULES.map((rule) => `${rule.id}  ${rule.alias.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.enabledByDefault === false ? "(off) " : ""}${rule.docs.summary}`).join("\n")}
`;
}

// src/cli.ts
var code2 = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorByDefault: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === void 0
});
process.exitCode = code2;
