/* The floor: a C program that does nothing but start and exit. */
int
main(void)
{
	return 0;
}
