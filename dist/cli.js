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
    function visit_(key, node, visitor, path5) {
      const ctrl = callVisitor(key, node, visitor, path5);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path5, ctrl);
        return visit_(key, ctrl, visitor, path5);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path5 = Object.freeze(path5.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path5);
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
          path5 = Object.freeze(path5.concat(node));
          const ck = visit_("key", node.key, visitor, path5);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path5);
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
    async function visitAsync_(key, node, visitor, path5) {
      const ctrl = await callVisitor(key, node, visitor, path5);
      if (identity2.isNode(ctrl) || identity2.isPair(ctrl)) {
        replaceNode(key, path5, ctrl);
        return visitAsync_(key, ctrl, visitor, path5);
      }
      if (typeof ctrl !== "symbol") {
        if (identity2.isCollection(node)) {
          path5 = Object.freeze(path5.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path5);
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
          path5 = Object.freeze(path5.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path5);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path5);
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
    function callVisitor(key, node, visitor, path5) {
      if (typeof visitor === "function")
        return visitor(key, node, path5);
      if (identity2.isMap(node))
        return visitor.Map?.(key, node, path5);
      if (identity2.isSeq(node))
        return visitor.Seq?.(key, node, path5);
      if (identity2.isPair(node))
        return visitor.Pair?.(key, node, path5);
      if (identity2.isScalar(node))
        return visitor.Scalar?.(key, node, path5);
      if (identity2.isAlias(node))
        return visitor.Alias?.(key, node, path5);
      return void 0;
    }
    function replaceNode(key, path5, node) {
      const parent = path5[path5.length - 1];
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
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
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
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
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
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
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
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
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
    function collectionFromPath(schema, path5, value) {
      let v = value;
      for (let i = path5.length - 1; i >= 0; --i) {
        const k = path5[i];
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
    var isEmptyPath = (path5) => path5 == null || typeof path5 === "object" && !!path5[Symbol.iterator]().next().done;
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
      addIn(path5, value) {
        if (isEmptyPath(path5))
          this.add(value);
        else {
          const [key, ...rest] = path5;
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
      deleteIn(path5) {
        const [key, ...rest] = path5;
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
      getIn(path5, keepScalar) {
        const [key, ...rest] = path5;
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
      hasIn(path5) {
        const [key, ...rest] = path5;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity2.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path5, value) {
        const [key, ...rest] = path5;
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
                const code2 = json.substr(i + 2, 4);
                switch (code2) {
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
                    if (code2.substr(0, 2) === "00")
                      str += "\\x" + code2.substr(2);
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
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity2.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
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
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
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
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
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
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
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
    var string = require_string();
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
      string.string,
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
    var string = require_string();
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
      ["failsafe", [map.map, seq.seq, string.string]],
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
    var string = require_string();
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
        Object.defineProperty(this, identity2.SCALAR, { value: string.string });
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
      addIn(path5, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path5, value);
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
      deleteIn(path5) {
        if (Collection.isEmptyPath(path5)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path5) : false;
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
      getIn(path5, keepScalar) {
        if (Collection.isEmptyPath(path5))
          return !keepScalar && identity2.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity2.isCollection(this.contents) ? this.contents.getIn(path5, keepScalar) : void 0;
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
      hasIn(path5) {
        if (Collection.isEmptyPath(path5))
          return this.contents !== void 0;
        return identity2.isCollection(this.contents) ? this.contents.hasIn(path5) : false;
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
      setIn(path5, value) {
        if (Collection.isEmptyPath(path5)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path5), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path5, value);
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
      constructor(name, pos, code2, message) {
        super();
        this.name = name;
        this.code = code2;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLParseError", pos, code2, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code2, message) {
        super("YAMLWarning", pos, code2, message);
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
      const _onError = (rel, code2, msg) => onError(offset + rel, code2, msg);
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
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
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
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
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
      const code2 = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code2);
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
        this.onError = (source, code2, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code2, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code2, message));
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
        const _onError = (pos, code2, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code2, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code2, message);
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
    visit.itemAtPath = (cst, path5) => {
      let item = cst;
      for (const [field, index] of path5) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path5) => {
      const parent = visit.itemAtPath(cst, path5.slice(0, -1));
      const field = path5[path5.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path5, item, visitor) {
      let ctrl = visitor(item, path5);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path5.concat([[field, i]])), token.items[i], visitor);
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
            ctrl = ctrl(item, path5);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path5) : ctrl;
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
        (match) => `\\${match}`
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
        (match, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match,
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
        (match, range, close) => `\\[${range}${close}`,
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
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
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
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
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
        (match, index) => sources[index]
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
    var basenameOf = (path5) => {
      const end = path5.length - 1;
      const index = path5.lastIndexOf(
        SLASH,
        path5[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path5 : path5.slice(index + 1);
    };
    var parentOf = (path5) => {
      if (path5.charCodeAt(0) === SLASH_CODE || path5.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path5.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path5.length - 1;
      const cut = path5.lastIndexOf(
        SLASH,
        path5.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path5.slice(0, cut + 1);
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
      testLiteral(path5) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path5)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
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
      test(path5, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename = shortcut ? basenameOf(path5) : path5;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename : path5
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
    var checkPath = (path5, originalPath, doThrow) => {
      if (!isString(path5)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path5) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path5)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path5) => {
      const first = path5.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path5.length === 1) {
        return true;
      }
      const second = path5.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path5.length === 2 || path5.charCodeAt(2) === SLASH_CODE;
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
      _test(originalPath, cache, path5) {
        checkPath(
          path5,
          originalPath,
          this._strictPathCheck ? throwError : RETURN_FALSE
        );
        return path5 ? this._t(path5, cache) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path5 = convertPath(target);
        if (!path5 || path5.charCodeAt(path5.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path5);
        }
        const dir = this._t(path5, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal = this._rules.testLiteral(path5);
        return literal.ignored || literal.unignored ? literal : dir;
      }
      _t(path5, cache) {
        if (path5 in cache) {
          return cache[path5];
        }
        const parentPath = parentOf(path5);
        const parent = parentPath ? this._t(parentPath, cache) : UNDEFINED;
        return cache[path5] = parent && parent.ignored ? parent : this._rules.test(path5, MODE_IGNORE);
      }
      ignores(path5) {
        return this._test(path5, this._ignoreCache, convertPath(path5)).ignored;
      }
      createFilter() {
        return (path5) => !this.ignores(path5);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path5) {
        return this._test(path5, this._testCache, convertPath(path5));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path5) => checkPath(convertPath(path5), path5, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path5) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path5) || isNotRelative(path5);
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
import path4 from "node:path";

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

// src/core/version.ts
var OLDEST_KNOWN_VERSION = { major: 7, minor: 4 };
var NEWEST_KNOWN_VERSION = { major: 10, minor: 5 };
function parseVersion(text) {
  const match = /^(\d{1,2})\.(\d{1,2})(?:p\d+)?$/.exec(text.trim());
  if (!match) return void 0;
  return { major: Number(match[1]), minor: Number(match[2]) };
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
function hitLines(lines, first, last, message, help) {
  const end = lines[last - 1];
  const hit = { line: first, column: 1, endLine: last, endColumn: (end?.text.length ?? 0) + 1, message };
  if (help !== void 0) hit.help = help;
  return hit;
}
function rejectedLines(model, code2) {
  const found = [];
  for (const entry2 of model.lines) {
    if (entry2.status === "rejected" && entry2.rejection.code === code2) {
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
  if (compareVersions(version, OLDEST_KNOWN_VERSION) < 0 || compareVersions(version, NEWEST_KNOWN_VERSION) > 0) {
    throw new ConfigError(
      `${source}: OpenSSH ${formatVersion(version)} is outside the releases sshlint knows (${formatVersion(OLDEST_KNOWN_VERSION)} to ${formatVersion(NEWEST_KNOWN_VERSION)})`
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
  const code2 = errorCode(error);
  if (code2 === void 0) return error instanceof Error ? error.message : String(error);
  return ERROR_CODE_TEXT[code2] ?? code2;
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
function createSourceFile(path5, text, hasBom = false) {
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
  return { path: path5, text, hasBom, lines };
}

// src/discover/discover.ts
var import_ignore2 = __toESM(require_ignore(), 1);
import { lstatSync } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path3 from "node:path";

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
    child.on("close", (code2) => resolve({ code: code2, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString("utf8") }));
  });
}

// src/discover/walk-files.ts
var import_ignore = __toESM(require_ignore(), 1);
import { readdir, readFile } from "node:fs/promises";
import path2 from "node:path";
async function listFilesWithoutGit(dir, skippedNames) {
  const listing = { relPaths: [], unreadableDirs: [] };
  await walk(dir, "", [], skippedNames, listing);
  return listing;
}
async function walk(root, relDir, inherited, skippedNames, listing) {
  let entries;
  try {
    entries = await readdir(path2.join(root, relDir), { withFileTypes: true });
  } catch {
    listing.unreadableDirs.push(relDir);
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
    if (isDirectory) subdirectories.push(walk(root, relPath, levels, skippedNames, listing));
    else listing.relPaths.push(relPath);
  }
  await Promise.all(subdirectories);
}
async function loadGitignore(root, relDir) {
  const text = await readFile(path2.join(root, relDir, ".gitignore"), "utf8").catch(() => "");
  return { base: relDir, matcher: (0, import_ignore.default)().add(text) };
}
function isIgnored(levels, relPath, isDirectory) {
  let ignored = false;
  for (const { base, matcher } of levels) {
    const local = (base === "" ? relPath : relPath.slice(base.length + 1)) + (isDirectory ? "/" : "");
    const verdict = matcher.test(local);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
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
  const absPath = path3.resolve(cwd, input);
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
    const absPath = path3.join(absDir, relPath);
    const stats = lstatEntry(absPath, relPath, collector);
    if (stats?.isFile()) collector.addFound(absPath, path3.join(realRoot, relPath), false);
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
  for (const relDir of walk2.unreadableDirs) collector.note(path3.join(absDir, relDir), "directory cannot be read; skipped");
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
  if (target !== realRoot && !target.startsWith(realRoot + path3.sep)) {
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
    return path3.relative(this.options.cwd, absPath).split(path3.sep).join("/") || ".";
  }
  /** Config patterns are relative to cwd; `ignore` cannot judge paths outside it, and they are never ignored. */
  isIgnoredByConfig(displayPath) {
    if (this.configIgnore === void 0 || displayPath.startsWith("../") || path3.isAbsolute(displayPath)) return false;
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
  let handle;
  try {
    handle = await open(absPath, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, reason: "unreadable", message: `cannot open: ${describeFsError(error)}` };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { ok: false, reason: "not-a-file", message: "not a regular file" };
    if (stats.size > limits.maxBytes) return tooLarge(stats.size, limits.maxBytes);
    const bytes = await readAtMost(handle, limits.maxBytes, stats.size);
    if (bytes === void 0) return tooLarge(void 0, limits.maxBytes);
    return decode(bytes);
  } catch (error) {
    return { ok: false, reason: "unreadable", message: `cannot read: ${describeFsError(error)}` };
  } finally {
    await handle.close();
  }
}
async function readAtMost(handle, maxBytes, expectedSize) {
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const wanted = Math.max(expectedSize - total + 1, MIN_CHUNK_BYTES);
    const chunk = Buffer.allocUnsafe(Math.min(wanted, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
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
    const missing = rejectedLines(model, "missing-key").map(
      ({ line, rejection }) => hitAt(line, rejection.range, `${what} ${quote(line.text.slice(rejection.range.start, rejection.range.end))} are not followed by a key; OpenSSH skips this line.`, `Put the key type and the base64 key after the ${what.toLowerCase()}, on the same line, separated by a space.`)
    );
    const other = rejectedLines(model, "unparseable").map(
      ({ line, rejection }) => BASE64_ONLY.test(line.text) ? hitAt(line, rejection.range, "This line holds only base64 with no key type: it looks like part of a key wrapped across lines. OpenSSH skips it.", "Join the key back into one line: `keytype base64 comment`.") : hitAt(line, rejection.range, `OpenSSH cannot read a key from ${quote(line.text.trim())} and skips this line.`, "Write keys as `keytype base64 [comment]` on one line, and start comments with `#`.")
    );
    return [...missing, ...other].sort((a, b) => a.line - b.line);
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

// src/ssh/base64.ts
var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
var PAD = 61;
var DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
function isCSpace(c) {
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
    if (isCSpace(c)) continue;
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
    while (i < end && isCSpace(text.charCodeAt(i))) i++;
    if (i === end || text.charCodeAt(i) !== PAD) return null;
    i++;
  }
  for (; i < end; i++) if (!isCSpace(text.charCodeAt(i))) return null;
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
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
};

// src/ssh/verify.ts
var MAX_SIGNED_DATA = 1 << 20;
var FORMAT = "invalid format";
var MISMATCH = "key type does not match";
var TRAILING = "unexpected bytes remain after decoding";
var INCORRECT = "incorrect signature";
var LIBCRYPTO = "error in libcrypto";
var failed = (reason, openssh) => ({ ok: false, reason, openssh });
var malformed = (what) => failed(`the ${what} signature blob is malformed`, FORMAT);
var trailing = (what) => failed(`bytes follow the ${what} signature`, TRAILING);
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
  const coordinate = (at) => Buffer.from(point.subarray(at, at + curve.size)).toString("base64url");
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
  const problem = webauthn ? checkWebauthn(data, origin, clientData, flags, extensions) : null;
  if (problem) return problem;
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
  constructor(code2, detail, openssh) {
    const said = openssh ? `; OpenSSH reports "${openssh}"` : "";
    this.error = { code: code2, message: `${detail}${said}`, openssh };
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
  const [code2, detail] = outcomes[error];
  return new Failure(code2, detail, overwritten ? "invalid format" : WIRE_ERROR_TEXT[error]);
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
  const lower = asciiLower(name);
  const byShortName = KEY_TYPES.find(
    (t) => !t.certificate && isKnownIn(t, version) && asciiLower(t.shortName) === lower
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
  const problem = checkPoint(CURVES[curve], point);
  return problem ? new Failure("invalid-point", problem.reason, problem.openssh) : point;
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
  ...NEGATABLE_FLAGS.map((flag) => `no-${flag}`),
  ...VALUED
];
var ENV_MAX = 1024;
var PERMIT_MAX = 4096;
var TUNID_MAX = 2147483647 - 2;
var NI_MAXHOST = 1025;
function startsWithIgnoreCase(text, at, word) {
  return text.slice(at, at + word.length).toLowerCase() === word;
}
function dequote(text, at) {
  if (text[at] !== '"') return { error: "missing-start-quote" };
  let value = "";
  let i = at + 1;
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
  const envNames = /* @__PURE__ */ new Set();
  const permitCounts = { permitopen: 0, permitlisten: 0 };
  let at = start;
  const fail = (code2, sshdMessage, range, option) => ({
    ok: false,
    error: option === void 0 ? { code: code2, sshdMessage, range } : { code: code2, sshdMessage, range, option },
    options
  });
  while (at < text.length && !isBlank(text[at])) {
    const optStart = at;
    const flag = matchFlag(text, at, version);
    if (flag) {
      at = flag.end;
      options.push({ name: flag.name, negated: flag.negated, range: { start: optStart, end: at } });
    } else {
      const valued = VALUED.find((name) => optionKnown(name, version) && startsWithIgnoreCase(text, at, name) && text[at + name.length] === "=");
      if (valued) {
        const valueStart = at + valued.length + 1;
        if (valued === "command" || valued === "principals" || valued === "from") {
          if (seen.has(valued)) {
            return fail("multiple-clauses", `multiple "${valued}" clauses`, { start: optStart, end: tokenEndOfOption(text, valueStart) }, valued);
          }
          seen.add(valued);
        }
        if (valued === "environment" && envNames.size > ENV_MAX) {
          return fail("too-many", "too many environment strings", { start: optStart, end: valueStart }, valued);
        }
        if ((valued === "permitopen" || valued === "permitlisten") && permitCounts[valued]++ > PERMIT_MAX) {
          return fail("too-many", "too many permission directives", { start: optStart, end: valueStart }, valued);
        }
        const dq = dequote(text, valueStart);
        if ("error" in dq) {
          const message = dq.error === "missing-start-quote" ? "missing start quote" : "missing end quote";
          return fail(dq.error, message, { start: optStart, end: tokenEndOfOption(text, valueStart) }, valued);
        }
        at = dq.end;
        const range = { start: optStart, end: at };
        const problem = validateValue(valued, dq.value);
        if (problem) return fail(problem.code, problem.message, range, valued);
        if (valued === "environment") envNames.add(dq.value.slice(0, dq.value.indexOf("=")));
        options.push({ name: valued, negated: false, value: dq.value, range, valueRange: { start: valueStart, end: at } });
      }
    }
    if (at >= text.length || isBlank(text[at])) break;
    if (text[at] !== ",") {
      return fail("unknown-option", "unknown key option", { start: optStart, end: tokenEndOfOption(text, at) });
    }
    at++;
    if (at >= text.length) return fail("end-of-options", "unexpected end-of-options", { start: at - 1, end: at });
  }
  return { ok: true, options };
}
function matchFlag(text, at, version) {
  for (const name of ["restrict", "cert-authority"]) {
    if (startsWithIgnoreCase(text, at, name)) return { name, negated: false, end: at + name.length };
  }
  const negated = startsWithIgnoreCase(text, at, "no-");
  const from = negated ? at + 3 : at;
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
  if (new TextEncoder().encode(spec.slice(0, hostEnd)).length >= NI_MAXHOST) return { code: "invalid-permit", message: "invalid permission hostname" };
  if (hostEnd === spec.length) return { code: "invalid-permit", message: "invalid permission port" };
  const port = spec.slice(hostEnd + 1);
  return validPort(port) ? void 0 : { code: "invalid-permit", message: "invalid permission port" };
}
var STRTONUM = /^[ \t\n\v\f\r]*[+-]?\d+$/;
function validPort(port) {
  if (port === "*") return true;
  if (STRTONUM.test(port)) {
    const n = Number(port.trim());
    return n >= 1 && n <= 65535;
  }
  return /^[A-Za-z][A-Za-z0-9._-]*$/.test(port);
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
  for (let at = 0, i = 0; at < digits.length; at += fields[i][0], i++) {
    const [width, min, max] = fields[i];
    const match = /^[ \t\n\v\f\r]*(\d+)$/.exec(digits.slice(at, at + width));
    const n = match ? Number(match[1]) : NaN;
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
function strtoulBase0(text, at) {
  let base = 10;
  let i = at;
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
function problemRange(problem, offsets, option, valueLength) {
  const at = (i) => offsets[i] ?? option.range.end;
  const { start, end } = problem.entry;
  if (problem.code !== "empty" || end > start) return { start: at(start), end: at(end - 1) + 1 };
  if (valueLength === 0) return option.range;
  if (end < valueLength) return { start: at(end), end: at(end) + 1 };
  return { start: at(start - 1), end: at(start - 1) + 1 };
}
function describe(problem, shown) {
  const refused = 'sshd treats the whole from= list as invalid and refuses this key from every address ("invalid from criteria")';
  switch (problem.code) {
    case "empty":
      return {
        message: `from= has an empty entry (an extra, leading or trailing comma): ${refused}.`,
        help: "Remove the extra comma."
      };
    case "mask-too-long":
      return {
        message: `The mask in ${shown} is longer than ${problem.family === 4 ? 32 : 128} bits: ${refused}.`,
        help: `Use a prefix length of at most ${problem.family === 4 ? 32 : 128}.`
      };
    case "host-bits":
      return {
        message: `${shown} has host bits set beyond the /${problem.maskLength} mask (the network is ${problem.network}/${problem.maskLength}): ${refused}.`,
        help: `Write the network address, ${problem.network}/${problem.maskLength}, or drop the mask to allow the single address ${problem.host}.`
      };
    case "blank":
      return {
        message: problem.entry.negated ? `${shown} contains a blank, so it can never match an address or host name: it excludes nothing.` : `${shown} contains a blank, so it can never match an address or host name: sshd does not allow what it names.`,
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
      for (const problem of checkAddressPatternList(from.value, version)) {
        const raw = from.value.slice(problem.entry.start, problem.entry.end);
        const { message, help } = describe(problem, quote(raw));
        hits.push(hitAt(line, problemRange(problem, offsets, from, from.value.length), message, help));
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
    return optionErrorHits(model, ["invalid-expiry-time", "invalid-environment", "invalid-permit", "invalid-tunnel"], (code2) => HELP[code2] ?? "Fix the option value.");
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
  let at = 0;
  for (const text of hosts.text.split(",")) {
    const negated = text.startsWith("!");
    const start = hosts.range.start + at;
    patterns.push({ text, negated, body: negated ? text.slice(1) : text, range: { start, end: start + text.length } });
    at += text.length + 1;
  }
  return patterns;
}
function hasWildcard(text) {
  return text.includes("*") || text.includes("?");
}
function matchPattern(s, pattern) {
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
function matchHostList(host, list) {
  const name = asciiLower2(host);
  let positive = false;
  for (const raw of list.split(",")) {
    const negated = raw.startsWith("!");
    const sub = negated ? raw.slice(1) : raw;
    if (sub.length >= MAX_SUBPATTERN) return 0;
    if (matchPattern(name, asciiLower2(sub))) {
      if (negated) return -1;
      positive = true;
    }
  }
  return positive ? 1 : 0;
}
function isHashedField(hosts) {
  return hosts.startsWith("|");
}
var HASH_MAGIC = "|1|";
function saltOf(hosts) {
  const end = hosts.indexOf("|", HASH_MAGIC.length);
  if (!hosts.startsWith(HASH_MAGIC) || end === -1) return null;
  return decodeBase64(hosts.slice(HASH_MAGIC.length, end));
}
function hashHost(host, hosts) {
  const salt = saltOf(hosts);
  if (!salt) return null;
  const hash = createHmac("sha1", salt).update(host, "utf8").digest("base64");
  return `${HASH_MAGIC}${Buffer.from(salt).toString("base64")}|${hash}`;
}
function hashedFieldMatches(hosts, host) {
  return hashHost(host, hosts) === hosts;
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
    const port2 = /^:(\d{1,10})$/.exec(rest)?.[1];
    if (port2 === void 0) return { why: `\`${rest}\` after \`]\` is not \`:port\``, fix: `Write \`[${inner}]:PORT\`.` };
    const value = Number(port2);
    if (value === DEFAULT_PORT || value === 0) {
      return {
        why: `for port ${DEFAULT_PORT} ssh looks up the bare name, never \`[${inner}]:${port2}\``,
        fix: `Write \`${inner}\` without brackets and port.`
      };
    }
    if (value > MAX_PORT) return { why: `${port2} is not a TCP port`, fix: `Write \`[${inner}]:PORT\` with the real port.` };
    if (String(value) !== port2) {
      return { why: `ssh writes the port without leading zeros (\`[${inner}]:${value}\`)`, fix: `Write \`[${inner}]:${value}\`.` };
    }
    return void 0;
  }
  const colon = body.indexOf(":");
  if (colon === -1 || body.indexOf(":", colon + 1) !== -1) return void 0;
  const host = body.slice(0, colon);
  const port = body.slice(colon + 1);
  if (host === "" || !/^\d{1,5}$/.test(port) || host.includes("]")) return void 0;
  if (hasWildcard(host) && !/^\*\.[^*?]*[g-z][^*?]*$/i.test(host)) return void 0;
  if (Number(port) === DEFAULT_PORT) {
    return { why: `for port ${DEFAULT_PORT} ssh looks up the bare name \`${host}\``, fix: `Write \`${host}\` without the port.` };
  }
  return {
    why: `for port ${Number(port)} ssh looks up \`[${host}]:${Number(port)}\``,
    fix: `Write \`[${host}]:${Number(port)}\`.`
  };
}
function reportPattern(line, pattern) {
  const problem = portProblem(pattern.body);
  if (!problem) return void 0;
  const what = pattern.negated ? "This negated pattern never excludes anything" : "This host pattern never matches";
  return hitAt(line, pattern.range, `${what}: ${quote(pattern.text)}, ${problem.why}.`, problem.fix);
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
  const host = /^\[(.*)\]:[^\]]*$/.exec(body)?.[1] ?? body;
  if (/^[*?.]*$/.test(host) && host.includes("*")) return "it matches every host name";
  const fixed = /\*[*?]*\.?([^*?.]+)\.?$/.exec(host)?.[1];
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
var named = (host, hashed = "the same hashed host") => host === "" ? hashed : `'${host}'`;
function related(earlier, path5, message) {
  return {
    file: path5,
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
    const path5 = model.source.path;
    const hits = [];
    entries.forEach((later, j) => {
      const stale = [];
      const revoked = [];
      for (const earlier of entries.slice(0, j)) {
        if (later.marker === "trusted" && earlier.marker === "trusted" && !later.certificate && !earlier.certificate) {
          if (later.keyType === earlier.keyType && later.fingerprint !== earlier.fingerprint) {
            const host = sharedName(earlier, later);
            if (host !== void 0) stale.push({ earlier, host });
          }
        }
        if (later.fingerprint === earlier.fingerprint && later.marker === "revoked" !== (earlier.marker === "revoked")) {
          const [trusted, revoking] = later.marker === "revoked" ? [earlier, later] : [later, earlier];
          const host = trusted.certificate ? void 0 : revokedFor(trusted, revoking);
          if (host !== void 0) revoked.push({ earlier, host });
        }
      }
      const firstStale = stale[0];
      if (firstStale) {
        const lines = stale.map((s) => s.earlier.line.number).join(", ");
        const hit = hitAt(
          later.line,
          later.keyRange,
          `${named(firstStale.host)} already has a different ${later.keyType} key (line ${lines}); ssh accepts either, so a stale one still authenticates the host.`,
          "Keep only the host's current key: `ssh-keygen -R HOST`, then add the key you have verified."
        );
        hit.related = stale.map((s) => related(s.earlier, path5, `The other ${later.keyType} key for ${named(s.host)}.`));
        hits.push(hit);
      }
      const firstRevoked = revoked[0];
      if (firstRevoked) {
        const what = later.marker === "ca" || firstRevoked.earlier.marker === "ca" ? "CA key" : "key";
        const hit = hitAt(
          later.line,
          later.keyRange,
          later.marker === "revoked" ? `This ${what} is @revoked for ${named(firstRevoked.host, "a hashed host")} but trusted on line ${firstRevoked.earlier.line.number}; revocation wins and ssh refuses the host ("REVOKED HOST KEY DETECTED").` : `This ${what} was @revoked for ${named(firstRevoked.host, "a hashed host")} on line ${firstRevoked.earlier.line.number}, so trusting it here has no effect: ssh refuses the host ("REVOKED HOST KEY DETECTED").`,
          "Decide which is meant: remove the trusting line if the key is retired, or the @revoked line if it is not."
        );
        hit.related = revoked.map((r) => related(r.earlier, path5, r.earlier.marker === "revoked" ? "The @revoked entry." : "The entry that trusts the same key."));
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
  private_key_in_key_file_default
];

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
  const lower = field.toLowerCase();
  return KNOWN_OPTION_NAMES.some((name) => lower.startsWith(name));
}
function blanksInsideBlob(text, blobStart, family, certificate, version) {
  const tokens = [];
  let at = blobStart;
  while (at < text.length && tokens.length < MAX_JOINED_TOKENS) {
    const end = tokenEnd(text, at);
    tokens.push({ start: at, end });
    at = skipBlanks(text, end);
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
  const lower = name.toLowerCase();
  const exact = KEY_TYPES.find((type) => type.name.toLowerCase() === lower);
  if (exact) return exact.name;
  const short = { rsa: "ssh-rsa", dsa: "ssh-dss", ed25519: "ssh-ed25519", ecdsa: "ecdsa-sha2-nistp256" };
  return short[lower];
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
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text.slice(start));
  if (!match) return false;
  const after = text[start + match[0].length];
  if (after !== " " && after !== "	") return false;
  const max = (1n << 63n) - 1n;
  let value = BigInt(match[1]);
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
var HASH_MAGIC2 = "|1|";
var SHA1_LENGTH = 20;
function validHashedHost(hosts) {
  if (!hosts.startsWith(HASH_MAGIC2)) return false;
  const end = hosts.indexOf("|", HASH_MAGIC2.length);
  if (end === -1) return false;
  const salt = hosts.slice(HASH_MAGIC2.length, end);
  if (salt.length === 0 || salt.length > 1024) return false;
  return decodeBase64(salt)?.length === SHA1_LENGTH;
}
function parseKnownHostsLine(text, version) {
  let at = skipBlanks(text, 0);
  if (at === text.length || text[at] === "#") return { status: "ignored" };
  let marker;
  if (text[at] === "@") {
    let end = text.indexOf(" ", at);
    if (end === -1) end = text.indexOf("	", at);
    const range = { start: at, end: end === -1 ? tokenEnd(text, at) : end };
    const name = text.slice(range.start, range.end);
    if (end === -1 || name !== "@cert-authority" && name !== "@revoked") {
      return { status: "rejected", rejection: { code: "invalid-marker", range } };
    }
    at = skipBlanks(text, end);
    if (text[at] === "@") return { status: "rejected", rejection: { code: "invalid-marker", range: { start: at, end: tokenEnd(text, at) } } };
    marker = { name, range };
  }
  const hostsEnd = tokenEnd(text, at);
  const hosts = { text: text.slice(at, hostsEnd), range: { start: at, end: hostsEnd } };
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
    const match = DIRECTIVE.exec(line.text);
    if (!match) continue;
    const list = match[2].split(" -- ")[0];
    const names = list.split(",").map((name) => name.trim()).filter((name) => name.length > 0);
    const column = line.text.indexOf("#") + 1;
    directives.push({ scope: match[1], line: line.number, column, endColumn: line.text.length + 1, names });
  }
  return directives;
}
function applySuppressions(findings, directives, resolve) {
  const used = /* @__PURE__ */ new Set();
  const key = (d, name) => `${d.line}:${name}`;
  const kept = findings.filter((finding) => {
    const match = directives.find(
      (d) => (d.scope === "file" || d.line + 1 === finding.line) && d.names.some((name) => resolve(name) === finding.ruleId)
    );
    if (!match) return true;
    for (const name of match.names) if (resolve(name) === finding.ruleId) used.add(key(match, name));
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
    file,
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
function lintSource(source, kind, ruleSet, context) {
  const model = parseSource(source, kind, context.version);
  if (!model) return [];
  const findings = [];
  for (const enabled of ruleSet.enabled) {
    const rule = enabled.rule;
    if (!rule.check || !rule.kinds.includes(model.kind)) continue;
    for (const hit of rule.check(model, context)) findings.push(toFinding(enabled, source.path, hit));
  }
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
  await forEachConcurrently(candidates, READ_CONCURRENCY, async (file) => {
    const fileFindings = await lintFile(file, ruleSet, context, options.maxBytes ?? DEFAULT_MAX_BYTES, note);
    if (fileFindings) {
      scanned++;
      findings.push(...fileFindings);
    }
  });
  findings.sort(compareFindings);
  return { findings, filesScanned: scanned, rules: ruleSet.enabled.map((entry2) => entry2.rule) };
}
async function lintFile(file, ruleSet, context, maxBytes, note) {
  const read = await readTextFile(file.absPath, { maxBytes });
  if (!read.ok) {
    note(file.displayPath, `Skipped: ${read.message}.`);
    return [];
  }
  const source = createSourceFile(file.displayPath, read.text, read.hasBom);
  const kind = file.kind ?? sniffKind(source, context.version);
  if (!kind) {
    note(file.displayPath, "Skipped: sshlint cannot tell what kind of SSH file this is; name it conventionally or pass --kind.");
    return [];
  }
  return lintSource(source, kind, ruleSet, context);
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
    const code2 = char.charCodeAt(0);
    return NAMED_ESCAPES[char] ?? (code2 < 256 ? `\\x${code2.toString(16).padStart(2, "0")}` : `\\u{${code2.toString(16)}}`);
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
        const config = loadConfig(io.cwd, command.config === void 0 ? void 0 : path4.resolve(io.cwd, command.config));
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
var code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorByDefault: Boolean(process.stdout.isTTY) && process.env.NO_COLOR === void 0
});
process.exitCode = code;
