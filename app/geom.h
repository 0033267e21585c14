/*
 * geom.h - the plain value types the drawing code shares: colours, boxes, task shapes.
 *
 * Kept apart from gfx.h so that code without SDL (the command line, themes, layout
 * tests) can use them. Not for: any function.
 */
#ifndef LS_GEOM_H
#define LS_GEOM_H

#include <stdint.h>

/* A colour, straight (not premultiplied) alpha. */
typedef struct {
    uint8_t r, g, b, a;
} Rgba;

/* A rectangle in drawable pixels; floats so that animation moves smoothly. */
typedef struct {
    float x, y, w, h;
} Box;

/* Shapes that mark a task besides its colour (colour is never the only signal). */
typedef enum { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_DIAMOND, SHAPE_TRIANGLE, SHAPE_COUNT } Shape;

#endif
