/*
 * dealbook.calendars._daykernel: the compiled fast path of a calendar's scalar queries.
 *
 * A DayKernel holds the same lookup table as dealbook.calendars.kernel.PyDayKernel
 * (cumulative day counts by position, and the calendar's days as date objects) and
 * answers add(d, n), count(start, end, *, include_start, include_end) and is_day(d)
 * for exact ``datetime.date`` arguments inside the coverage with exact ``int`` steps.
 *
 * Every other call (a date outside the coverage, a result past it, a datetime or a
 * date subclass, a bool or an int subclass, a wrong number of arguments, an unknown
 * keyword) is handed unchanged to the pure-Python kernel given at construction, which
 * computes the answer or raises the error with its message. The fast path therefore
 * never decides an error, and its answers are checked against the Python kernel's by
 * tests/calendars/test_kernel.py. Decision record 0007 explains why this file exists.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    long long base;       /* proleptic Gregorian ordinal of position 0 */
    long long size;       /* number of positions (calendar days covered) */
    long long ndays;      /* number of days of the calendar in the coverage */
    int32_t *cum;         /* size + 1 entries: days at positions 0..i-1 */
    PyObject **days;      /* ndays borrowed items of days_tuple */
    PyObject *days_tuple; /* owns the date objects */
    PyObject *fallback;   /* the pure-Python kernel */
    PyObject *fb_add;
    PyObject *fb_count;
    PyObject *fb_is_day;
} DayKernel;

static PyObject *str_include_start;
static PyObject *str_include_end;

static const int days_before_month_table[13] = {0, 0, 31, 59, 90, 120, 151,
                                                181, 212, 243, 273, 304, 334};

/* The proleptic Gregorian ordinal of an exact date (1 for 0001-01-01), as date.toordinal(). */
static inline long long
ordinal(PyObject *d)
{
    long long y = PyDateTime_GET_YEAR(d);
    int m = PyDateTime_GET_MONTH(d);
    long long y1 = y - 1;
    long long days = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
    days += days_before_month_table[m];
    if (m > 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) {
        days += 1;
    }
    return days + PyDateTime_GET_DAY(d);
}

/* Position of ``d`` in the coverage, or -1 when it is not an exact date inside it. */
static inline long long
position(DayKernel *self, PyObject *d)
{
    if (!PyDate_CheckExact(d)) {
        return -1;
    }
    long long index = ordinal(d) - self->base;
    if (index < 0 || index >= self->size) {
        return -1;
    }
    return index;
}

static PyObject *
delegate(PyObject *callable, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    return PyObject_Vectorcall(callable, args, (size_t)nargs, kwnames);
}

static PyObject *
not_ready(void)
{
    PyErr_SetString(PyExc_TypeError, "DayKernel is not initialized");
    return NULL;
}

static PyObject *
DayKernel_add(DayKernel *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (self->cum == NULL) {
        return not_ready();
    }
    if (nargs != 2 || !PyLong_CheckExact(args[1])) {
        return delegate(self->fb_add, args, nargs, NULL);
    }
    long long index = position(self, args[0]);
    if (index < 0) {
        return delegate(self->fb_add, args, nargs, NULL);
    }
    int overflow = 0;
    long long n = PyLong_AsLongLongAndOverflow(args[1], &overflow);
    if (overflow || n > self->ndays || n < -self->ndays) {
        return delegate(self->fb_add, args, nargs, NULL);
    }
    long long k;
    if (n > 0) {
        k = (long long)self->cum[index + 1] + n - 1;
    }
    else if (n < 0) {
        k = (long long)self->cum[index] + n;
    }
    else {
        Py_INCREF(args[0]);
        return args[0];
    }
    if (k < 0 || k >= self->ndays) {
        return delegate(self->fb_add, args, nargs, NULL);
    }
    PyObject *result = self->days[k];
    Py_INCREF(result);
    return result;
}

static PyObject *
DayKernel_count(DayKernel *self, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    int include_start = 0;
    int include_end = 1;
    if (self->cum == NULL) {
        return not_ready();
    }
    if (nargs != 2) {
        return delegate(self->fb_count, args, nargs, kwnames);
    }
    if (kwnames != NULL) {
        Py_ssize_t nkw = PyTuple_GET_SIZE(kwnames);
        for (Py_ssize_t i = 0; i < nkw; i++) {
            PyObject *name = PyTuple_GET_ITEM(kwnames, i);
            PyObject *value = args[nargs + i];
            if (value != Py_True && value != Py_False) {
                return delegate(self->fb_count, args, nargs, kwnames);
            }
            int flag = value == Py_True;
            if (name == str_include_start
                || (PyUnicode_Check(name) && PyUnicode_Compare(name, str_include_start) == 0)) {
                include_start = flag;
            }
            else if (name == str_include_end
                     || (PyUnicode_Check(name) && PyUnicode_Compare(name, str_include_end) == 0)) {
                include_end = flag;
            }
            else {
                return delegate(self->fb_count, args, nargs, kwnames);
            }
        }
    }
    long long a = position(self, args[0]);
    long long b = position(self, args[1]);
    if (a < 0 || b < 0) {
        return delegate(self->fb_count, args, nargs, kwnames);
    }
    const int32_t *cum = self->cum;
    long long high, low;
    if (a <= b) {
        high = include_end ? cum[b + 1] : cum[b];
        low = include_start ? cum[a] : cum[a + 1];
        return PyLong_FromLongLong(high > low ? high - low : 0);
    }
    high = include_start ? cum[a + 1] : cum[a];
    low = include_end ? cum[b] : cum[b + 1];
    return PyLong_FromLongLong(high > low ? low - high : 0);
}

static PyObject *
DayKernel_is_day(DayKernel *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (self->cum == NULL) {
        return not_ready();
    }
    if (nargs != 1) {
        return delegate(self->fb_is_day, args, nargs, NULL);
    }
    long long index = position(self, args[0]);
    if (index < 0) {
        return delegate(self->fb_is_day, args, nargs, NULL);
    }
    return PyBool_FromLong(self->cum[index + 1] != self->cum[index]);
}

static int
DayKernel_init(DayKernel *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"base", "cum", "days", "fallback", NULL};
    long long base;
    PyObject *cum_obj, *days_obj, *fallback;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "LOO!O:DayKernel", keywords, &base, &cum_obj,
                                     &PyTuple_Type, &days_obj, &fallback)) {
        return -1;
    }
    if (self->cum != NULL) {
        PyErr_SetString(PyExc_TypeError, "DayKernel is already initialized");
        return -1;
    }
    PyObject *cum_seq = PySequence_Fast(cum_obj, "cum must be a sequence of int");
    if (cum_seq == NULL) {
        return -1;
    }
    Py_ssize_t ncum = PySequence_Fast_GET_SIZE(cum_seq);
    Py_ssize_t ndays = PyTuple_GET_SIZE(days_obj);
    if (ncum < 1) {
        Py_DECREF(cum_seq);
        PyErr_SetString(PyExc_ValueError, "cum must have at least one entry");
        return -1;
    }
    int32_t *cum = PyMem_Malloc(sizeof(int32_t) * (size_t)ncum);
    if (cum == NULL) {
        Py_DECREF(cum_seq);
        PyErr_NoMemory();
        return -1;
    }
    PyObject **items = PySequence_Fast_ITEMS(cum_seq);
    long long previous = 0;
    for (Py_ssize_t i = 0; i < ncum; i++) {
        long long value = PyLong_AsLongLong(items[i]);
        if (value == -1 && PyErr_Occurred()) {
            goto fail;
        }
        if (value < previous || value - previous > 1 || (i == 0 && value != 0)) {
            PyErr_SetString(PyExc_ValueError,
                            "cum must start at 0 and rise by 0 or 1 per position");
            goto fail;
        }
        cum[i] = (int32_t)value;
        previous = value;
    }
    if (previous != ndays) {
        PyErr_Format(PyExc_ValueError, "cum ends at %lld but there are %zd days", previous,
                     ndays);
        goto fail;
    }
    for (Py_ssize_t i = 0; i < ndays; i++) {
        if (!PyDate_CheckExact(PyTuple_GET_ITEM(days_obj, i))) {
            PyErr_SetString(PyExc_TypeError, "days must be a tuple of datetime.date");
            goto fail;
        }
    }
    PyObject *fb_add = PyObject_GetAttrString(fallback, "add");
    PyObject *fb_count = PyObject_GetAttrString(fallback, "count");
    PyObject *fb_is_day = PyObject_GetAttrString(fallback, "is_day");
    if (fb_add == NULL || fb_count == NULL || fb_is_day == NULL) {
        Py_XDECREF(fb_add);
        Py_XDECREF(fb_count);
        Py_XDECREF(fb_is_day);
        goto fail;
    }
    Py_DECREF(cum_seq);
    self->base = base;
    self->size = ncum - 1;
    self->ndays = ndays;
    self->cum = cum;
    Py_INCREF(days_obj);
    self->days_tuple = days_obj;
    self->days = ((PyTupleObject *)days_obj)->ob_item;
    Py_INCREF(fallback);
    self->fallback = fallback;
    self->fb_add = fb_add;
    self->fb_count = fb_count;
    self->fb_is_day = fb_is_day;
    return 0;
fail:
    PyMem_Free(cum);
    Py_DECREF(cum_seq);
    return -1;
}

static int
DayKernel_traverse(DayKernel *self, visitproc visit, void *arg)
{
    Py_VISIT(self->days_tuple);
    Py_VISIT(self->fallback);
    Py_VISIT(self->fb_add);
    Py_VISIT(self->fb_count);
    Py_VISIT(self->fb_is_day);
    return 0;
}

static int
DayKernel_clear(DayKernel *self)
{
    Py_CLEAR(self->days_tuple);
    Py_CLEAR(self->fallback);
    Py_CLEAR(self->fb_add);
    Py_CLEAR(self->fb_count);
    Py_CLEAR(self->fb_is_day);
    self->days = NULL;
    return 0;
}

static void
DayKernel_dealloc(DayKernel *self)
{
    PyObject_GC_UnTrack(self);
    DayKernel_clear(self);
    PyMem_Free(self->cum);
    self->cum = NULL;
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *
DayKernel_get_fallback(DayKernel *self, void *closure)
{
    if (self->fallback == NULL) {
        Py_RETURN_NONE;
    }
    Py_INCREF(self->fallback);
    return self->fallback;
}

static PyObject *
DayKernel_reduce(DayKernel *self, PyObject *Py_UNUSED(ignored))
{
    PyErr_SetString(PyExc_TypeError,
                    "DayKernel cannot be pickled; pickle the Calendar, which rebuilds it");
    return NULL;
}

static PyMethodDef DayKernel_methods[] = {
    {"add", (PyCFunction)(void (*)(void))DayKernel_add, METH_FASTCALL,
     "add(d, n): the n-th day of the calendar after d (before it when n < 0)."},
    {"count", (PyCFunction)(void (*)(void))DayKernel_count, METH_FASTCALL | METH_KEYWORDS,
     "count(start, end, *, include_start=False, include_end=True): days between."},
    {"is_day", (PyCFunction)(void (*)(void))DayKernel_is_day, METH_FASTCALL,
     "is_day(d): whether d is a day of the calendar."},
    {"__reduce__", (PyCFunction)DayKernel_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef DayKernel_getset[] = {
    {"fallback", (getter)DayKernel_get_fallback, NULL, "The pure-Python kernel.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject DayKernelType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "dealbook.calendars._daykernel.DayKernel",
    .tp_basicsize = sizeof(DayKernel),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "Compiled scalar queries of one calendar (see dealbook.calendars.kernel).",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)DayKernel_init,
    .tp_dealloc = (destructor)DayKernel_dealloc,
    .tp_traverse = (traverseproc)DayKernel_traverse,
    .tp_clear = (inquiry)DayKernel_clear,
    .tp_methods = DayKernel_methods,
    .tp_getset = DayKernel_getset,
};

static struct PyModuleDef daykernel_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "dealbook.calendars._daykernel",
    .m_doc = "Compiled fast path of dealbook calendar scalar queries.",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__daykernel(void)
{
    PyDateTime_IMPORT;
    if (PyDateTimeAPI == NULL) {
        return NULL;
    }
    str_include_start = PyUnicode_InternFromString("include_start");
    str_include_end = PyUnicode_InternFromString("include_end");
    if (str_include_start == NULL || str_include_end == NULL) {
        return NULL;
    }
    if (PyType_Ready(&DayKernelType) < 0) {
        return NULL;
    }
    PyObject *module = PyModule_Create(&daykernel_module);
    if (module == NULL) {
        return NULL;
    }
    Py_INCREF(&DayKernelType);
    if (PyModule_AddObject(module, "DayKernel", (PyObject *)&DayKernelType) < 0) {
        Py_DECREF(&DayKernelType);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
