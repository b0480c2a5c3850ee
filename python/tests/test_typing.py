# SPDX-License-Identifier: Apache-2.0
"""The package as an editor, a type checker and a networkx user see it: the type stub of the
extension module (_claimgraph.pyi) names everything the module defines, with the argument
names, kinds and defaults the module declares; every public function, class and method has a
docstring; py.typed and the stub sit next to the installed package; and
to_networkx(graphml_safe=True) goes through networkx's GraphML writer and back."""

import ast
import importlib.util
import inspect
import json
import os
import pathlib
import pydoc
import subprocess
import sys
import typing

import pytest

import claimgraph
from claimgraph import _claimgraph

PACKAGE = pathlib.Path(os.path.abspath(claimgraph.__file__)).parent  # where it is imported from
STUB = PACKAGE / "_claimgraph.pyi"
MARKER = PACKAGE / "py.typed"
WHERE = ("python/CMakeLists.txt copies it into build/python/claimgraph, and pyproject.toml's "
         "package-data installs it")

REQUIRED = "<required>"  # a parameter without a default
UNSPECIFIED = "<...>"    # a stub default written as `...`


# --- the stub, parsed ------------------------------------------------------------------------

def _members(body):
    """The names a module or class body of the stub defines: name -> ast node."""
    out = {}
    for node in body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out[node.target.id] = node
        elif isinstance(node, ast.Assign):
            out.update((t.id, node) for t in node.targets if isinstance(t, ast.Name))
    return out


@pytest.fixture(scope="module")
def stub():
    assert STUB.is_file(), f"{STUB} is missing: {WHERE}"
    return _members(ast.parse(STUB.read_text(encoding="utf-8"), str(STUB)).body)


def _decorators(node):
    return {d.id for d in node.decorator_list if isinstance(d, ast.Name)}


def _default(node):
    if node is None:
        return REQUIRED
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return ast.dump(node)
    return UNSPECIFIED if value is Ellipsis else value


def _ast_parameters(args):
    """[(name, kind, default)] of an ast.arguments."""
    positional = args.posonlyargs + args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    out = [(a.arg, "positional", _default(d)) for a, d in zip(positional, defaults)]
    if args.vararg:
        out.append((args.vararg.arg, "*", REQUIRED))
    out += [(a.arg, "keyword", _default(d)) for a, d in zip(args.kwonlyargs, args.kw_defaults)]
    if args.kwarg:
        out.append((args.kwarg.arg, "**", REQUIRED))
    return out


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
    inspect.Parameter.VAR_POSITIONAL: "*",
    inspect.Parameter.KEYWORD_ONLY: "keyword",
    inspect.Parameter.VAR_KEYWORD: "**",
}


def _runtime_parameters(function):
    """[(name, kind, default)] of a function at run time: inspect.signature for a Python
    function; for a pybind11 function, the first line of its docstring, which pybind11 writes
    as `name(arg: type = default, ...) -> type`."""
    if inspect.isfunction(function):
        return [(p.name, _KINDS[p.kind], REQUIRED if p.default is p.empty else p.default)
                for p in inspect.signature(function).parameters.values()]
    first = (function.__doc__ or "").split("\n", 1)[0]
    try:
        tree = ast.parse(f"def {first}: pass")
    except SyntaxError:
        pytest.fail(f"cannot read a signature from the first line of {function!r}'s docstring: {first!r}")
    return _ast_parameters(tree.body[0].args)


def _check_signature(where, node, function):
    expected = _runtime_parameters(function)
    declared = _ast_parameters(node.args)
    assert [p[:2] for p in declared] == [p[:2] for p in expected], \
        f"{where}: the stub declares {declared}, the module {expected}"
    for (name, _, stub_default), (_, _, default) in zip(declared, expected):
        if stub_default == UNSPECIFIED:
            assert default != REQUIRED, f"{where}: {name} has a default in the stub, none in the module"
        else:
            assert stub_default == default, f"{where}: {name} defaults to {stub_default!r} in the stub, " \
                                            f"{default!r} in the module"


def _runtime_members(cls):
    """The members of an extension class that the stub must declare: its public attributes and
    the special methods the extension defines (__init__, __len__, ...)."""
    out = {}
    for name, value in vars(cls).items():
        if not name.startswith("_") or type(value).__name__ == "instancemethod":
            out[name] = value
    return out


# --- (c) the files a type checker reads --------------------------------------------------------

def test_stub_and_py_typed_sit_next_to_the_package():
    assert MARKER.is_file(), f"{MARKER} is missing: {WHERE}"
    assert STUB.is_file(), f"{STUB} is missing: {WHERE}"
    ast.parse(STUB.read_text(encoding="utf-8"), str(STUB))


# --- (a) the stub against the module ----------------------------------------------------------

def test_stub_declares_every_name_of_the_extension_module(stub):
    runtime = {n for n in vars(_claimgraph) if not n.startswith("__")} | {"__version__"}
    assert runtime - set(stub) == set(), "defined by the module, missing from the stub"
    # And nothing that the module does not define (private type aliases aside).
    stale = {n for n, node in stub.items()
             if n not in runtime and not (n.startswith("_") and not isinstance(node, ast.FunctionDef))}
    assert stale == set(), "in the stub, not in the module"
    for name in runtime:
        value, node = getattr(_claimgraph, name), stub[name]
        if inspect.isclass(value):
            assert isinstance(node, ast.ClassDef), f"{name} is a class"
        elif callable(value):
            assert isinstance(node, ast.FunctionDef), f"{name} is a function"
            _check_signature(name, node, value)
        else:
            assert isinstance(node, (ast.AnnAssign, ast.Assign)), f"{name} is a value"


@pytest.mark.parametrize("name", sorted(n for n, v in vars(_claimgraph).items() if inspect.isclass(v)))
def test_stub_declares_every_member_of_each_class(stub, name):
    assert isinstance(stub.get(name), ast.ClassDef), f"class {name} is missing from the stub"
    cls, declared = getattr(_claimgraph, name), _members(stub[name].body)
    runtime = _runtime_members(cls)
    assert set(runtime) - set(declared) == set(), f"members of {name} missing from the stub"
    for member, node in declared.items():
        if isinstance(node, ast.AnnAssign):  # an instance attribute, as Error.code
            continue
        assert member in vars(cls) or hasattr(cls, member), f"{name}.{member} is in the stub, not in the module"
        value, decorators = vars(cls).get(member), _decorators(node)
        where = f"{name}.{member}"
        if isinstance(value, property):
            assert "property" in decorators, f"{where} is a property"
        elif isinstance(value, staticmethod):
            assert "staticmethod" in decorators, f"{where} is a static method"
            _check_signature(where, node, getattr(cls, member))
        elif value is not None and callable(value):
            assert not decorators & {"property", "staticmethod"}, f"{where} is a method"
            _check_signature(where, node, value)


def test_every_public_name_is_typed(stub):
    """A name of claimgraph.__all__ is the extension module's (typed by the stub) or the
    package's own (typed inline: every parameter and the return annotated)."""
    for name in claimgraph.__all__:
        value = getattr(claimgraph, name)
        if value is getattr(_claimgraph, name, None):
            assert name in stub, f"claimgraph.{name} comes from the extension module but is not in the stub"
            continue
        assert getattr(value, "__module__", None) == "claimgraph", f"claimgraph.{name} is defined elsewhere"
        if inspect.isfunction(value):
            signature = inspect.signature(value)
            unannotated = [p.name for p in signature.parameters.values() if p.annotation is p.empty]
            assert unannotated == [], f"claimgraph.{name}: parameters without a type: {unannotated}"
            assert signature.return_annotation is not signature.empty, f"claimgraph.{name}: no return type"
            typing.get_type_hints(value)  # the annotations resolve


def test_graph_methods_added_in_python_match_the_stub(stub):
    declared = _members(stub["Graph"].body)
    for member in ("to_dict", "to_networkx"):
        value = vars(claimgraph.Graph)[member]
        assert inspect.isfunction(value)
        _check_signature(f"Graph.{member}", declared[member], value)
        assert value.__name__ == member


# --- (b) docstrings ----------------------------------------------------------------------------

def _doc(value):
    """The docstring of `value` without the signature line pybind11 puts first."""
    doc = inspect.getdoc(value) or ""
    name = getattr(value, "__name__", "")
    if type(value).__name__ in ("builtin_function_or_method", "instancemethod") and doc.startswith(name + "("):
        doc = doc.split("\n", 1)[1] if "\n" in doc else ""
    return doc.strip()


def _public_methods(cls):
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, staticmethod):
            yield name, getattr(cls, name)
        elif callable(value):
            yield name, value


def test_every_public_function_class_and_method_has_a_docstring():
    assert _doc(claimgraph), "claimgraph"
    for name in claimgraph.__all__:
        value = getattr(claimgraph, name)
        if not (callable(value) or inspect.isclass(value)):
            continue
        assert _doc(value), f"claimgraph.{name} has no docstring"
        if inspect.isclass(value):
            for member, method in _public_methods(value):
                assert _doc(method), f"claimgraph.{name}.{member} has no docstring"


def test_every_public_definition_of_the_stub_has_a_docstring(stub):
    """Editors show the stub's docstrings for the extension module, properties included."""
    def check(where, node):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
            assert ast.get_docstring(node), f"{where} has no docstring in the stub"
        if isinstance(node, ast.ClassDef):
            for child in node.body:
                if isinstance(child, (ast.FunctionDef, ast.ClassDef)):
                    check(f"{where}.{child.name}", child)

    for name, node in stub.items():
        check(name, node)


def test_help_shows_signatures_and_docstrings():
    text = pydoc.render_doc(claimgraph.build, renderer=pydoc.plaintext)
    assert "build(docs" in text and "on_error" in text and "Builds one graph" in text
    text = pydoc.render_doc(claimgraph.Graph, renderer=pydoc.plaintext)
    assert "to_networkx(self" in text and "*, graphml_safe: bool = False" in text and "write_graphml" in text


def test_dask_helpers_have_docstrings():
    pytest.importorskip("distributed", reason="Dask's distributed scheduler is not installed "
                        "(apt-get install python3-distributed)")
    import claimgraph.dask

    assert _doc(claimgraph.dask)
    for name in claimgraph.dask.__all__:
        assert _doc(getattr(claimgraph.dask, name)), f"claimgraph.dask.{name} has no docstring"
    for field in claimgraph.dask.Result._fields:
        doc = getattr(claimgraph.dask.Result, field).__doc__
        assert doc and not doc.startswith("Alias for field"), f"Result.{field} has no docstring"


def test_mypy_accepts_typed_use_and_rejects_a_wrong_keyword(tmp_path):
    if importlib.util.find_spec("mypy") is None:
        pytest.skip(f"mypy is not installed for {sys.executable}; the stub is checked by parsing it")
    good = tmp_path / "good.py"
    good.write_text(
        "import claimgraph\n"
        "g: claimgraph.Graph = claimgraph.build(['알리바바는 큐원3-맥스를 공개했다.'], jobs=1)\n"
        "count: int = g.node_count\n"
        "claims = g.claims(by='Alibaba', since='2025-01-01')\n"
        "first: str = claimgraph.extract('Alibaba', id='d1').entities[0].entity_id\n"
        "rules: claimgraph.RulePack = claimgraph.RulePack.load(['builtin'], base=None)\n",
        encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text("import claimgraph\nclaimgraph.build(['text'], job=2)\n", encoding="utf-8")
    env = dict(os.environ)
    if PACKAGE.parent.name not in ("site-packages", "dist-packages"):
        # A build tree (PYTHONPATH=build/python): mypy looks for packages in site-packages and
        # MYPYPATH only (and refuses a site-packages directory in MYPYPATH).
        env["MYPYPATH"] = str(PACKAGE.parent)

    def mypy(path):
        return subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", os.devnull,
                               "--ignore-missing-imports", str(path)],
                              capture_output=True, text=True, env=env, cwd=tmp_path)

    result = mypy(good)
    assert result.returncode == 0, result.stdout + result.stderr
    result = mypy(bad)
    assert result.returncode == 1 and '"job"' in result.stdout, result.stdout + result.stderr


# --- GraphML for networkx users -------------------------------------------------------------

# Our own sentences, Korean and English: an entity with aliases in both scripts, a claim.
MIXED = ("알리바바는 지난 26일 큐원3-맥스를 공개했다. "
         "Kyle Chan, a researcher at Princeton University, said that Alibaba is betting on open models.")


def test_to_networkx_graphml_safe_goes_through_write_graphml(tmp_path):
    nx = pytest.importorskip("networkx", reason="networkx is not installed (apt-get install python3-networkx)")
    g = claimgraph.build([{"id": "mixed", "text": MIXED, "date": "2025-09-28", "title": "혼합 기사"}], jobs=1)
    safe = g.to_networkx(graphml_safe=True)
    path = tmp_path / "g.graphml"
    nx.write_graphml(safe, path)
    back = nx.read_graphml(path)

    nodes = {node["id"]: node for node in g.nodes()}
    assert sorted(back.nodes) == sorted(nodes)
    assert back.number_of_edges() == g.edge_count
    for node_id, node in nodes.items():
        assert back.nodes[node_id]["label"] == node["label"]
    alibaba = back.nodes["ent:alibaba"]
    assert json.loads(alibaba["aliases"]) == nodes["ent:alibaba"]["aliases"]
    assert "알리바바" in json.loads(alibaba["aliases"])
    assert json.loads(alibaba["mentions"]) == nodes["ent:alibaba"]["mentions"]
    assert json.loads(back.graph["documents"]) == g.to_dict()["graph"]["documents"]

    # The same JSON text as the GraphML that Graph.write makes, with the same node ids.
    g.write(tmp_path / "direct.graphml")
    direct = nx.read_graphml(tmp_path / "direct.graphml")
    assert sorted(direct.nodes) == sorted(nodes)
    assert direct.nodes["ent:alibaba"]["aliases"] == alibaba["aliases"]

    # Without the keyword, the attributes are the JSON export's own values.
    assert g.to_networkx().nodes["ent:alibaba"]["aliases"] == nodes["ent:alibaba"]["aliases"]


def test_graphml_safe_leaves_out_none_and_writes_dicts_as_json(monkeypatch):
    pytest.importorskip("networkx", reason="networkx is not installed (apt-get install python3-networkx)")
    data = {"graph": {"generator": "test"},
            "nodes": [{"id": "a", "label": "가", "note": None, "extra": {"z": 1, "a": "나"}}],
            "edges": [{"source": "a", "target": "a", "key": 0, "relation": "r", "evidence": []}]}
    monkeypatch.setattr(claimgraph.Graph, "to_dict", lambda self: data)
    safe = claimgraph.Graph().to_networkx(graphml_safe=True)
    assert safe.nodes["a"] == {"label": "가", "extra": '{"a":"나","z":1}'}
    assert safe.edges["a", "a", 0] == {"relation": "r", "evidence": "[]"}
